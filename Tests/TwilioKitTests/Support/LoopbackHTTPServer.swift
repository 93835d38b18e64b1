import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// An HTTP/1 server on loopback for the transport's tests: it records each request and counts
/// the connections it accepted, and answers each request as told (or never), optionally over TLS.
final class LoopbackHTTPServer: Sendable {
    /// How the server answers.
    struct Behaviour: Sendable {
        /// The status and JSON body of every answer; `nil`: never answer.
        var answer: (status: HTTPResponseStatus, body: String)? = (.ok, "{}")
        /// How long the server waits before answering.
        var delay: TimeAmount = .zero
        /// Extra header fields of every answer (such as `Connection: close`).
        var headers: [(String, String)] = []
        /// Whether the server closes the connection once it has answered, without saying so.
        var closesAfterAnswering = false
        /// Paths answered with a 302 to the given `Location` instead.
        var redirects: [String: String] = [:]
    }

    let channel: any Channel
    let port: Int
    let received = NIOLockedValueBox<[(head: HTTPRequestHead, body: String)]>([])
    let connections = NIOLockedValueBox(0)

    private init(channel: any Channel) {
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    static func start(_ behaviour: Behaviour = Behaviour(), tls: NIOSSLContext? = nil) async throws -> LoopbackHTTPServer {
        let server = NIOLockedValueBox<LoopbackHTTPServer?>(nil)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard let server = server.withLockedValue({ $0 }) else { throw ChannelError.ioOnClosedChannel }
                    server.connections.withLockedValue { $0 += 1 }
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Answerer(behaviour: behaviour, received: server.received))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let started = LoopbackHTTPServer(channel: channel)
        server.withLockedValue { $0 = started }
        return started
    }

    func stop() async throws {
        try await channel.close()
    }

    /// A TLS server context for `localhost` and 127.0.0.1, with ``certificate``.
    static func tlsContext() throws -> NIOSSLContext {
        try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem))))
    }

    /// The self-signed certificate the TLS server presents (valid until 2126), to trust in a client.
    static func certificate() throws -> NIOSSLCertificate {
        try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem)
    }

    private static let certificatePEM = """
-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUZUDwYlPZxcKLQ3+LcKkCu4vKtvQwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwMzEyMjM1MVoYDzIxMjYxMTA5
MTIyMzUxWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQks0YQ+Z9nOV3A4YXmkbtGd/I78zWKMfYImTb4s76Il8R4VHnl4xj0
yjql7KIIN9vhKtMUiiDpTzc36n2rT/Xno28wbTAdBgNVHQ4EFgQUOrYXiAKmO2bR
zAfeg85Ht1c7N24wHwYDVR0jBBgwFoAUOrYXiAKmO2bRzAfeg85Ht1c7N24wDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDRwAwRAIgfd/w/efO+z2I84nUgs3S6sl6a1q+nwC/6Gqq7Lv4QIYCIFUI
Sj26/3fms9XA+kHA2J+aZb1SaH6RxUpqD1z0PdWV
-----END CERTIFICATE-----
"""

    // A key made for these tests alone, which protects nothing.
    private static let privateKeyPEM = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgND36zr0nTkQaddeI
21kNOQP5OKkR+ZiHCi5GiXm9+KGhRANCAAQks0YQ+Z9nOV3A4YXmkbtGd/I78zWK
MfYImTb4s76Il8R4VHnl4xj0yjql7KIIN9vhKtMUiiDpTzc36n2rT/Xn
-----END PRIVATE KEY-----
"""
}

private final class Answerer: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let behaviour: LoopbackHTTPServer.Behaviour
    private let received: NIOLockedValueBox<[(head: HTTPRequestHead, body: String)]>
    private var head: HTTPRequestHead?
    private var body = ""

    init(behaviour: LoopbackHTTPServer.Behaviour, received: NIOLockedValueBox<[(head: HTTPRequestHead, body: String)]>) {
        self.behaviour = behaviour
        self.received = received
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
            if let location = behaviour.redirects[head.uri] { return answer(context: context, (.found, ""), headers: [("Location", location)]) }
            guard let answer = behaviour.answer else { return }
            if behaviour.delay == .zero { return self.answer(context: context, answer, headers: behaviour.headers) }
            context.eventLoop.assumeIsolated().scheduleTask(in: behaviour.delay) { self.answer(context: context, answer, headers: self.behaviour.headers) }
        }
    }

    private func answer(context: ChannelHandlerContext, _ answer: (status: HTTPResponseStatus, body: String), headers extra: [(String, String)]) {
        let headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", "\(answer.body.utf8.count)")] + extra)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: answer.status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: answer.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        if behaviour.closesAfterAnswering { context.close(promise: nil) }
    }
}
