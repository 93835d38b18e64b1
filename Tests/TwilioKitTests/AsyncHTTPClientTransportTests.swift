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
        let closed = try await ServerBootstrap(group: Self.group).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(closed.localAddress?.port)
        try await closed.close()
        let failure = await Self.failure(of: AsyncHTTPClientTransport(), "http://127.0.0.1:\(port)/", timeout: .seconds(10))
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
