import NIOCore
import NIOPosix

/// A TCP server on loopback that answers each connection's first bytes with a fixed answer written
/// in pieces, each flushed on its own 20 ms after the one before: an answer that reaches the client
/// over several reads, as a slow or distant server's does.
final class PiecewiseAnswerServer: Sendable {
    let channel: any Channel
    let port: Int

    private init(channel: any Channel) {
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    static func start(pieces: [String]) async throws -> PiecewiseAnswerServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Answerer(pieces: pieces)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return PiecewiseAnswerServer(channel: channel)
    }

    func stop() async throws {
        try await channel.close()
    }

    private final class Answerer: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let pieces: [String]
        var answered = false

        init(pieces: [String]) {
            self.pieces = pieces
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !answered else { return }
            answered = true
            for (index, piece) in pieces.enumerated() {
                let buffer = context.channel.allocator.buffer(string: piece)
                context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(20 * Int64(index))) {
                    context.writeAndFlush(NIOAny(buffer), promise: nil)
                }
            }
        }
    }
}
