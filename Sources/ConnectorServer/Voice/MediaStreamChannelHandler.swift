import ConnectorVoice
import NIOCore
import NIOWebSocket

/// Reads a media stream's WebSocket frames on the channel's event loop and hands each message to
/// its ``StreamConnection`` as it arrives, with no task or buffer in between: joins fragmented
/// messages (at most `maxMessageSize` bytes), answers pings, takes part in the closing handshake
/// (``MediaStreamSocket``) and tells the session when the connection takes more writes again. A
/// frame that breaks the protocol ends the stream with a protocol error; the connection closing
/// ends it too.
final class MediaStreamChannelHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame

    private let connection: StreamConnection
    private let socket: MediaStreamSocket
    private let maxMessageSize: Int
    /// A fragmented message being joined: its opcode and its bytes so far.
    private var fragments: (opcode: WebSocketOpcode, data: ByteBuffer)?

    init(connection: StreamConnection, socket: MediaStreamSocket, maxMessageSize: Int) {
        self.connection = connection
        self.socket = socket
        self.maxMessageSize = maxMessageSize
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary:
            guard fragments == nil else { return fail("a new message began before the last one's final fragment") }
            if frame.fin {
                deliver(frame.opcode, frame.unmaskedPayload)
            } else {
                fragments = (frame.opcode, frame.unmaskedPayload)
            }
        case .continuation:
            guard var message = fragments else { return fail("a continuation frame came with no message to continue") }
            var data = frame.unmaskedPayload
            guard message.data.readableBytes + data.readableBytes <= maxMessageSize else {
                return fail("a message of more than \(maxMessageSize) bytes")
            }
            fragments = nil
            message.data.writeBuffer(&data)
            if frame.fin { deliver(message.opcode, message.data) } else { fragments = message }
        case .ping:
            socket.pong(frame.unmaskedPayload)
        case .pong:
            break
        case .connectionClose:
            socket.peerClosed(frame.unmaskedPayload)
            connection.connectionClosed()
        default:
            fail("a frame with the reserved opcode \(frame.opcode)")
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { connection.outputBecameWritable() }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        socket.connectionClosed()
        connection.connectionClosed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func deliver(_ opcode: WebSocketOpcode, _ data: ByteBuffer) {
        connection.receive(opcode == .text ? .text(String(buffer: data)) : .binary(data.readableBytes))
    }

    private func fail(_ reason: String) {
        fragments = nil
        connection.receiveMalformed(reason)
    }
}
