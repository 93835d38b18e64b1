import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing
import TwilioKit

/// The production transport against real sockets: what it sends, what it returns, and how each
/// failure is classified (the retry policy resends only what is known not to have been sent).
@Suite("AsyncHTTPClientTransport")
struct AsyncHTTPClientTransportTests {
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    @Test func theRequestGoesOutAndTheAnswerComesBackWhole() async throws {
        let server = try await CannedHTTPServer.start(on: Self.group, answer: (.created, #"{"sid":"SM1"}"#))
        let request = TwilioHTTPRequest(method: .post, url: "http://127.0.0.1:\(server.port)/2010-04-01/Messages.json?x=1",
                                        headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded"), (name: "X-Test", value: "yes")],
                                        body: Array("To=%2B14155550123&Body=hi".utf8))
        let response = try await AsyncHTTPClientTransport().execute(request, timeout: .seconds(10))
        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"sid":"SM1"}"#)
        #expect(response.header("Content-Type") == "application/json")
        let received = try #require(server.received.withLockedValue { $0 }.first)
        #expect(received.head.method == .POST)
        #expect(received.head.uri == "/2010-04-01/Messages.json?x=1")
        #expect(received.head.headers["X-Test"] == ["yes"])
        #expect(received.body == "To=%2B14155550123&Body=hi")
        try await server.channel.close()
    }

    @Test func aRefusedConnectionIsKnownNotToHaveSentTheRequest() async throws {
        let port = try ReservedPort()
        defer { port.release() }
        let failure = await Self.failure(of: AsyncHTTPClientTransport(), "http://127.0.0.1:\(port.number)/", timeout: .seconds(10))
        #expect(failure?.requestMayHaveBeenSent == false)
        #expect(failure?.isTimeout == false)
    }

    @Test func aServerThatNeverAnswersTimesOutWithTheRequestPossiblySent() async throws {
        let server = try await CannedHTTPServer.start(on: Self.group, answer: nil)
        let started = ContinuousClock.now
        let failure = await Self.failure(of: AsyncHTTPClientTransport(), "http://127.0.0.1:\(server.port)/", timeout: .milliseconds(300))
        #expect(failure?.isTimeout == true)
        #expect(failure?.requestMayHaveBeenSent == true)
        #expect(ContinuousClock.now - started < .seconds(5))
        try await server.channel.close()
    }

    @Test func anAnswerOverTheLimitIsAFailure() async throws {
        let server = try await CannedHTTPServer.start(on: Self.group, answer: (.ok, String(repeating: "x", count: 1_000)))
        let failure = await Self.failure(of: AsyncHTTPClientTransport(maximumResponseBytes: 100), "http://127.0.0.1:\(server.port)/",
                                         timeout: .seconds(10))
        #expect(failure?.requestMayHaveBeenSent == true)
        try await server.channel.close()
    }

    @Test func cancellingTheCallerEndsTheRequest() async throws {
        let server = try await CannedHTTPServer.start(on: Self.group, answer: nil)
        let started = ContinuousClock.now
        let call = Task { await Self.failure(of: AsyncHTTPClientTransport(), "http://127.0.0.1:\(server.port)/", timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        call.cancel()
        let failure = await call.value
        #expect(failure != nil)
        #expect(ContinuousClock.now - started < .seconds(10))
        try await server.channel.close()
    }

    private static func failure(of transport: AsyncHTTPClientTransport, _ url: String, timeout: Duration) async -> TransportFailure? {
        do {
            _ = try await transport.execute(TwilioHTTPRequest(method: .get, url: url, headers: [], body: nil), timeout: timeout)
            return nil
        } catch {
            return error
        }
    }
}

/// A loopback TCP port that refuses connections: bound, never listening, and held until released,
/// so that no server of another test (they run at once, and share the transport's connection
/// pools) can be given it meanwhile — a port closed and then connected to could be.
private struct ReservedPort {
    let number: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard descriptor >= 0, bound else {
            let error = IOError(errnoCode: errno, reason: "reserving a loopback port")
            if descriptor >= 0 { close(descriptor) }
            throw error
        }
        (self.descriptor, number) = (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    func release() { close(descriptor) }
}

/// An HTTP/1 server that records each request and answers it with a fixed status and JSON body,
/// or never answers (`answer` nil). One handler per connection, all recording into one list.
private final class CannedHTTPServer: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    typealias Received = NIOLockedValueBox<[(head: HTTPRequestHead, body: String)]>

    private let answer: (status: HTTPResponseStatus, body: String)?
    private let received: Received
    private var head: HTTPRequestHead?
    private var body = ""

    private init(answer: (status: HTTPResponseStatus, body: String)?, received: Received) {
        self.answer = answer
        self.received = received
    }

    static func start(on group: any EventLoopGroup, answer: (status: HTTPResponseStatus, body: String)?) async throws
        -> (channel: any Channel, port: Int, received: Received) {
        let received = Received([])
        let channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(CannedHTTPServer(answer: answer, received: received))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return (channel, channel.localAddress?.port ?? 0, received)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            (self.head, body) = (head, "")
        case .body(let buffer):
            body += String(buffer: buffer)
        case .end:
            guard let head else { return }
            received.withLockedValue { $0.append((head, body)) }
            guard let answer else { return }
            let headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", "\(answer.body.utf8.count)")])
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: answer.status, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: answer.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
