@testable import ConnectorServer
import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

/// The read timeout on an event loop whose time the test moves: a request must arrive whole within
/// the timeout of its head (or of the connection), whatever came before; idle time is not counted.
struct RequestReadTimeoutTests {
    private static let head = HTTPRequestPart.head(HTTPRequest(method: .post, scheme: nil, authority: "x", path: "/webhooks/twilio/newSms"))

    private static func connected() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: RequestReadTimeoutHandler(timeout: .seconds(2)))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    /// Expects `channel` open until just before the timeout (2 s from now) and closed at it.
    private static func expectClosedAtTheTimeout(_ channel: EmbeddedChannel) {
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1_999))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(!channel.isActive)
    }

    @Test func aConnectionThatSendsNothingIsClosedAtTheTimeout() throws {
        Self.expectClosedAtTheTimeout(try Self.connected())
    }

    @Test func eachRequestGetsTheWholeTimeoutFromItsHead() throws {
        let channel = try Self.connected()
        try channel.writeInbound(Self.head)
        try channel.writeInbound(HTTPRequestPart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1_500))
        try channel.writeInbound(Self.head)  // at 1.5 s: due at 3.5 s, not at the first timer's 2 s
        Self.expectClosedAtTheTimeout(channel)
    }

    @Test func idleTimeBetweenRequestsIsNotCounted() throws {
        let channel = try Self.connected()
        for _ in 0..<3 {
            try channel.writeInbound(Self.head)
            channel.embeddedEventLoop.advanceTime(by: .milliseconds(1_900))
            try channel.writeInbound(HTTPRequestPart.end(nil))
            channel.embeddedEventLoop.advanceTime(by: .seconds(30))
            #expect(channel.isActive)
        }
        while try channel.readInbound(as: HTTPRequestPart.self) != nil {}
        #expect(try channel.finish().isClean)
    }
}
