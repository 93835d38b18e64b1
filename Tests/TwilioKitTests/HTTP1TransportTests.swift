import Foundation
import NIOCore
import NIOSSL
import Testing
import TwilioKit

/// The production transport against real sockets: what it sends, what it returns, how it keeps
/// and limits its connections, TLS, and how each failure is classified (the retry policy resends
/// only what is known not to have been sent).
@Suite("HTTP1Transport")
struct HTTP1TransportTests {
    @Test func theRequestGoesOutAndTheAnswerComesBackWhole() async throws {
        let server = try await LoopbackHTTPServer.start(.init(answer: (.created, #"{"sid":"SM1"}"#)))
        let request = TwilioHTTPRequest(method: .post, url: "http://127.0.0.1:\(server.port)/2010-04-01/Messages.json?x=1",
                                        headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded"), (name: "X-Test", value: "yes")],
                                        body: Array("To=%2B14155550123&Body=hi".utf8))
        let response = try await HTTP1Transport().execute(request, timeout: .seconds(10))
        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"sid":"SM1"}"#)
        #expect(response.header("Content-Type") == "application/json")
        let received = try #require(server.received.withLockedValue { $0 }.first)
        #expect(received.head.method == .POST)
        #expect(received.head.uri == "/2010-04-01/Messages.json?x=1")
        #expect(received.head.headers["X-Test"] == ["yes"])
        #expect(received.head.headers["Host"] == ["127.0.0.1:\(server.port)"])
        #expect(received.head.headers["Content-Length"] == ["25"])
        #expect(received.body == "To=%2B14155550123&Body=hi")
        try await server.stop()
    }

    @Test func theRequestLineCarriesThePathAndQueryButNeverTheFragment() async throws {
        let server = try await LoopbackHTTPServer.start()
        for suffix in ["", "?a=1", "/p/q?b=%2B1#fragment"] {
            _ = try await HTTP1Transport().execute(TwilioHTTPRequest(method: .get, url: "http://127.0.0.1:\(server.port)" + suffix), timeout: .seconds(10))
        }
        #expect(server.received.withLockedValue { $0.map(\.head.uri) } == ["/", "/?a=1", "/p/q?b=%2B1"])
        try await server.stop()
    }

    @Test func aGETFollowsRedirectsAndKeepsItsCredentialsOnlyOnTheSameOrigin() async throws {
        let elsewhere = try await LoopbackHTTPServer.start(.init(answer: (.ok, #"{"audio":true}"#)))
        let server = try await LoopbackHTTPServer.start(.init(redirects: ["/media": "/media/stored", "/media/stored": "http://localhost:\(elsewhere.port)/s3"]))
        let credentials = (name: "Authorization", value: "Basic QUM6c2VjcmV0")
        let response = try await HTTP1Transport().execute(TwilioHTTPRequest(method: .get, url: Self.url(server) + "media", headers: [credentials]),
                                                          timeout: .seconds(10))
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"audio":true}"#)
        #expect(server.received.withLockedValue { $0.map(\.head.uri) } == ["/media", "/media/stored"])
        #expect(server.received.withLockedValue { $0.map { $0.head.headers["Authorization"] } } == [[credentials.value], [credentials.value]])
        let followed = try #require(elsewhere.received.withLockedValue { $0 }.first)
        #expect(followed.head.uri == "/s3")
        #expect(followed.head.headers["Authorization"].isEmpty)
        #expect(followed.head.headers["Host"] == ["localhost:\(elsewhere.port)"])

        let post = try await HTTP1Transport().execute(TwilioHTTPRequest(method: .post, url: Self.url(server) + "media", body: Array("a=1".utf8)),
                                                      timeout: .seconds(10))
        #expect(post.status == 302)
        #expect(elsewhere.received.withLockedValue(\.count) == 1)
        try await server.stop()
        try await elsewhere.stop()
    }

    @Test func aRedirectLoopEndsWithTheLastRedirect() async throws {
        let server = try await LoopbackHTTPServer.start(.init(redirects: ["/a": "/b", "/b": "/a"]))
        let response = try await HTTP1Transport().execute(TwilioHTTPRequest(method: .get, url: Self.url(server) + "a"), timeout: .seconds(10))
        #expect(response.status == 302)
        #expect(server.received.withLockedValue(\.count) == HTTP1Transport.maximumRedirects + 1)
        try await server.stop()
    }

    @Test func userInformationInTheURLIsBasicAuthorizationUnlessTheRequestHasItsOwn() async throws {
        let server = try await LoopbackHTTPServer.start()
        let url = "http://AC123:s%40cret@127.0.0.1:\(server.port)/"
        _ = try await HTTP1Transport().execute(TwilioHTTPRequest(method: .get, url: url), timeout: .seconds(10))
        _ = try await HTTP1Transport().execute(TwilioHTTPRequest(method: .get, url: url, headers: [(name: "Authorization", value: "Bearer own")]),
                                               timeout: .seconds(10))
        let received = server.received.withLockedValue { $0.map(\.head.headers) }
        #expect(received.map { $0["Authorization"] } == [["Basic " + Data("AC123:s@cret".utf8).base64EncodedString()], ["Bearer own"]])
        #expect(received.map { $0["Host"] } == [["127.0.0.1:\(server.port)"], ["127.0.0.1:\(server.port)"]])
        try await server.stop()
    }

    @Test func requestsOneAfterAnotherShareOneConnection() async throws {
        let server = try await LoopbackHTTPServer.start()
        let transport = HTTP1Transport(pool: HTTP1ConnectionPool())
        for _ in 0..<3 { _ = try await transport.execute(Self.get(server), timeout: .seconds(10)) }
        #expect(server.received.withLockedValue(\.count) == 3)
        #expect(server.connections.withLockedValue { $0 } == 1)
        try await server.stop()
    }

    @Test func anAnswerThatClosesTheConnectionIsNotReused() async throws {
        let server = try await LoopbackHTTPServer.start(.init(headers: [("Connection", "close")]))
        let transport = HTTP1Transport(pool: HTTP1ConnectionPool())
        for _ in 0..<2 { _ = try await transport.execute(Self.get(server), timeout: .seconds(10)) }
        #expect(server.connections.withLockedValue { $0 } == 2)
        try await server.stop()
    }

    @Test func aConnectionTheServerClosedWhileIdleIsReplaced() async throws {
        let server = try await LoopbackHTTPServer.start(.init(closesAfterAnswering: true))
        let transport = HTTP1Transport(pool: HTTP1ConnectionPool())
        _ = try await transport.execute(Self.get(server), timeout: .seconds(10))
        // Time for the client's event loop to see the close, even with every other test running.
        try await Task.sleep(for: .seconds(1))
        let second = try await transport.execute(Self.get(server), timeout: .seconds(10))
        #expect(second.status == 200)
        #expect(server.connections.withLockedValue { $0 } == 2)
        try await server.stop()
    }

    @Test func requestsBeyondTheLimitWaitForAFreeConnection() async throws {
        let server = try await LoopbackHTTPServer.start(.init(delay: .milliseconds(50)))
        let transport = HTTP1Transport(pool: HTTP1ConnectionPool(maximumConnectionsPerEndpoint: 2))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { try await transport.execute(Self.get(server), timeout: .seconds(10)).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 6))
        #expect(server.connections.withLockedValue { $0 } == 2)
        try await server.stop()
    }

    @Test func aRequestThatFindsNoFreeConnectionInTimeIsKnownNotToHaveBeenSent() async throws {
        let server = try await LoopbackHTTPServer.start(.init(answer: nil))
        let transport = HTTP1Transport(pool: HTTP1ConnectionPool(maximumConnectionsPerEndpoint: 1))
        let first = Task { await Self.failure(of: transport, Self.url(server), timeout: .seconds(30)) }
        // The first request holds the only connection once the server has it.
        let waitingSince = ContinuousClock.now
        while server.received.withLockedValue(\.count) == 0, ContinuousClock.now - waitingSince < .seconds(20) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let second = await Self.failure(of: transport, Self.url(server), timeout: .milliseconds(200))
        #expect(second?.isTimeout == true)
        #expect(second?.requestMayHaveBeenSent == false)
        #expect(server.received.withLockedValue(\.count) == 1)
        first.cancel()
        _ = await first.value
        try await server.stop()
    }

    @Test func httpsVerifiesTheServersCertificate() async throws {
        let server = try await LoopbackHTTPServer.start(.init(answer: (.ok, #"{"secure":true}"#)), tls: LoopbackHTTPServer.tlsContext())
        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates([try LoopbackHTTPServer.certificate()])
        for host in ["localhost", "127.0.0.1"] {
            let response = try await HTTP1Transport(pool: HTTP1ConnectionPool(tlsConfiguration: trusting))
                .execute(TwilioHTTPRequest(method: .get, url: "https://\(host):\(server.port)/"), timeout: .seconds(10))
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"secure":true}"#)
        }
        let untrusted = await Self.failure(of: HTTP1Transport(pool: HTTP1ConnectionPool()), "https://localhost:\(server.port)/", timeout: .seconds(10))
        #expect(untrusted?.requestMayHaveBeenSent == false)
        #expect(untrusted?.reason.hasPrefix("TLS handshake failed") == true)
        #expect(server.received.withLockedValue(\.count) == 2)
        try await server.stop()
    }

    @Test(arguments: [("X-Test", "a\r\nX-Injected: 1"), ("X-Test", "a\0b"), ("X Test", "a"), ("X-Test:", "a"), ("", "a")])
    func aHeaderFieldHTTPDoesNotAllowIsRefusedUnsent(name: String, value: String) async throws {
        let server = try await LoopbackHTTPServer.start()
        let request = TwilioHTTPRequest(method: .get, url: Self.url(server), headers: [(name: name, value: value)])
        do {
            _ = try await HTTP1Transport().execute(request, timeout: .seconds(10))
            Issue.record("the header field was sent")
        } catch {
            #expect(error.requestMayHaveBeenSent == false)
            #expect(error.reason.hasPrefix("invalid request"))
        }
        #expect(server.received.withLockedValue(\.count) == 0)
        try await server.stop()
    }

    @Test func aURLItCannotSendIsRefusedUnsent() async {
        for url in ["ftp://example.com/", "http://user@/", "http://example.com:70000/", "http:///path", "http://example.com/a b"] {
            let failure = await Self.failure(of: HTTP1Transport(), url, timeout: .seconds(1))
            #expect(failure == TransportFailure(reason: "invalid URL", requestMayHaveBeenSent: false, isTimeout: false), "\(url)")
        }
    }

    @Test func anAnswerThatArrivesInPiecesIsReadWhole() async throws {
        let server = try await PiecewiseAnswerServer.start(pieces: [
            "HTTP/1.1 200 OK\r\nTransfer-", "Encoding: chunked\r\nX-Piece: 1\r", "\n\r\n5\r\nhel", "lo\r\n6", "\r\n world\r\n0\r\n", "\r\n",
        ])
        let response = try await HTTP1Transport().execute(TwilioHTTPRequest(method: .get, url: "http://127.0.0.1:\(server.port)/"), timeout: .seconds(5))
        #expect(response.status == 200)
        #expect(response.header("X-Piece") == "1")
        #expect(String(decoding: response.body, as: UTF8.self) == "hello world")
        try await server.stop()
    }

    @Test func aRefusedConnectionIsKnownNotToHaveSentTheRequest() async throws {
        let port = try ReservedPort()
        defer { port.release() }
        let failure = await Self.failure(of: HTTP1Transport(), "http://127.0.0.1:\(port.number)/", timeout: .seconds(10))
        #expect(failure?.requestMayHaveBeenSent == false)
        #expect(failure?.isTimeout == false)
    }

    @Test func aServerThatNeverAnswersTimesOutWithTheRequestPossiblySent() async throws {
        // Only `/warm` is answered (a POST's redirect is returned, not followed): that request makes
        // the connection, with time to spare, so the timed one waits for its answer and never for
        // a connection, however busy the machine.
        let server = try await LoopbackHTTPServer.start(.init(answer: nil, redirects: ["/warm": "/"]))
        let transport = HTTP1Transport()
        let warm = try await transport.execute(TwilioHTTPRequest(method: .post, url: Self.url(server) + "warm"), timeout: .seconds(30))
        #expect(warm.status == 302)
        let started = ContinuousClock.now
        let failure = await Self.failure(of: transport, Self.url(server), timeout: .milliseconds(300))
        #expect(failure?.isTimeout == true, "\(String(describing: failure))")
        #expect(failure?.requestMayHaveBeenSent == true, "\(String(describing: failure))")
        #expect(server.connections.withLockedValue { $0 } == 1)
        #expect(ContinuousClock.now - started < .seconds(10))
        try await server.stop()
    }

    @Test func anAnswerOverTheLimitIsAFailure() async throws {
        let server = try await LoopbackHTTPServer.start(.init(answer: (.ok, String(repeating: "x", count: 1_000))))
        let failure = await Self.failure(of: HTTP1Transport(maximumResponseBytes: 100), Self.url(server), timeout: .seconds(10))
        #expect(failure?.requestMayHaveBeenSent == true)
        #expect(failure?.reason == "the answer is longer than 100 bytes")
        try await server.stop()
    }

    @Test func cancellingTheCallerEndsTheRequest() async throws {
        let server = try await LoopbackHTTPServer.start(.init(answer: nil))
        let started = ContinuousClock.now
        let call = Task { await Self.failure(of: HTTP1Transport(), Self.url(server), timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(200))
        call.cancel()
        let failure = await call.value
        #expect(failure != nil)
        #expect(ContinuousClock.now - started < .seconds(10))
        try await server.stop()
    }

    private static func url(_ server: LoopbackHTTPServer) -> String { "http://127.0.0.1:\(server.port)/" }

    private static func get(_ server: LoopbackHTTPServer) -> TwilioHTTPRequest { TwilioHTTPRequest(method: .get, url: url(server)) }

    private static func failure(of transport: HTTP1Transport, _ url: String, timeout: Duration) async -> TransportFailure? {
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
