@testable import ConnectorServer
import ConnectorVoice
import Logging
import NIOCore
import NIOEmbedded
import NIOWebSocket
import Testing

/// A media stream's WebSocket on an event loop whose time the test moves: messages reach the
/// session whole (fragments joined, masks removed), pings are answered, and the closing handshake
/// and its timeout hold. What the session does with a message shows in how it closes the stream.
struct MediaStreamChannelHandlerTests {
    /// A channel carrying a stream of the echo workflow (whose token never checks out), and the stream.
    private static func stream(maxMessageSize: Int = 1 << 16) throws -> (EmbeddedChannel, StreamConnection) {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        let writer = EncodedFrameWriter()
        try channel.pipeline.syncOperations.addHandler(writer)
        let socket = MediaStreamSocket(channel: channel, writer: writer, closeTimeout: .seconds(5))
        let session = StreamSession(name: "echo", workflow: EchoWorkflow(), logger: Logger(label: "test")) { _, _ in .refused("no tokens here") }
        let stream = session.open(output: socket)
        try channel.pipeline.syncOperations.addHandler(MediaStreamChannelHandler(connection: stream, socket: socket, maxMessageSize: maxMessageSize))
        return (channel, stream)
    }

    /// The frames the connector sent, read by NIO's decoder.
    private static func sent(_ channel: EmbeddedChannel) throws -> [WebSocketFrame] {
        let reader = EmbeddedChannel(handler: ByteToMessageHandler(WebSocketFrameDecoder()))
        while let bytes = try channel.readOutbound(as: ByteBuffer.self) { try reader.writeInbound(bytes) }
        var frames: [WebSocketFrame] = []
        while let frame = try reader.readInbound(as: WebSocketFrame.self) { frames.append(frame) }
        return frames
    }

    /// The close frame the connector sent: its code and reason.
    private static func sentClose(_ channel: EmbeddedChannel) throws -> (WebSocketErrorCode?, String) {
        for frame in try sent(channel) {
            guard frame.opcode == .connectionClose else { continue }
            var data = frame.data
            let code = data.readWebSocketErrorCode()
            return (code, data.readString(length: data.readableBytes) ?? "")
        }
        Issue.record("no close frame was sent")
        return (nil, "")
    }

    @Test func aMessageInFragmentsReachesTheSessionWhole() throws {
        let (channel, stream) = try Self.stream()
        try channel.writeInbound(clientFrame(.text, "{\"event\":", fin: false))
        try channel.writeInbound(clientFrame(.continuation, "\"dtmf\"", fin: false))
        #expect(!stream.isEnded, "nothing is read before the final fragment")
        try channel.writeInbound(clientFrame(.continuation, "}"))
        let (code, reason) = try Self.sentClose(channel)
        #expect(code == .protocolError)
        #expect(reason == "a message of 16 bytes is not a Media Streams message", "the three fragments were read as one message")
    }

    @Test func aMaskedMessageIsReadUnmasked() throws {
        let (channel, _) = try Self.stream()
        let media = #"{"event":"media","sequenceNumber":"2","streamSid":"MZ1","media":{"track":"inbound","chunk":"1","timestamp":"0","payload":"/w=="}}"#
        try channel.writeInbound(clientFrame(.text, media))
        let (code, reason) = try Self.sentClose(channel)
        #expect(code == .protocolError)
        #expect(reason == "a media message came before start")
    }

    @Test(arguments: [
        ([clientFrame(.continuation, "x")], "a continuation frame came with no message to continue"),
        ([clientFrame(.text, "{", fin: false), clientFrame(.text, "{")], "a new message began before the last one's final fragment"),
        ([clientFrame(.text, String(repeating: "a", count: 60), fin: false), clientFrame(.continuation, String(repeating: "a", count: 60))],
         "a message of more than 100 bytes"),
    ])
    func framesThatBreakTheProtocolEndTheStream(_ frames: [WebSocketFrame], _ expected: String) throws {
        let (channel, stream) = try Self.stream(maxMessageSize: 100)
        for frame in frames { try channel.writeInbound(frame) }
        #expect(stream.isEnded)
        let (code, reason) = try Self.sentClose(channel)
        #expect(code == .protocolError)
        #expect(reason == expected)
    }

    @Test func aPingIsAnsweredWithItsData() throws {
        let (channel, _) = try Self.stream()
        try channel.writeInbound(clientFrame(.ping, "are you there"))
        let pong = try #require(try Self.sent(channel).first)
        #expect(pong.opcode == .pong)
        #expect(String(buffer: pong.data) == "are you there")
    }

    @Test func twiliosCloseIsAnsweredAndTheConnectionCloses() async throws {
        let (channel, stream) = try Self.stream()
        let report = Task { await stream.run() }
        var payload = ByteBuffer()
        payload.write(webSocketErrorCode: .goingAway)
        payload.webSocketMask(clientKey)
        try channel.writeInbound(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: clientKey, data: payload))
        #expect(try Self.sentClose(channel).0 == .goingAway, "the close is answered with its code")
        #expect(!channel.isActive)
        #expect(await report.value.end == .closed)
    }

    @Test func withoutAnAnswerToItsCloseTheConnectorClosesAfterTheTimeout() throws {
        let (channel, _) = try Self.stream()
        try channel.writeInbound(clientFrame(.text, "not json"))
        #expect(try Self.sentClose(channel).0 == .protocolError)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(4_999))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(!channel.isActive)
    }

    @Test func thePacingTimerRunsOnTheConnectionsEventLoop() throws {
        let channel = EmbeddedChannel()
        let socket = MediaStreamSocket(channel: channel, writer: EncodedFrameWriter(), closeTimeout: .seconds(5))
        let fired = NIOLoopBoundBox(0, eventLoop: channel.eventLoop)
        socket.execute(after: .milliseconds(20)) { fired.value += 1 }
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(19))
        #expect(fired.value == 0, "not before its time")
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(fired.value == 1, "on the loop's own timer, with no task to wake")
        socket.execute(after: .zero - .milliseconds(5)) { fired.value += 1 }
        channel.embeddedEventLoop.run()
        #expect(fired.value == 2, "a time already passed runs at once")
    }

    @Test(arguments: [0, 125, 126, 65_535, 65_536])
    func framesOfEveryLengthAreEncodedAsNIOReadsThem(_ length: Int) throws {
        let channel = EmbeddedChannel()
        let writer = EncodedFrameWriter()
        try channel.pipeline.syncOperations.addHandler(writer)
        writer.write(.binary, capacity: length) { $0.writeRepeatingByte(7, count: length) }
        writer.flush()
        let reader = EmbeddedChannel(handler: ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: 1 << 20)))
        while let bytes = try channel.readOutbound(as: ByteBuffer.self) { try reader.writeInbound(bytes) }
        let frame = try #require(try reader.readInbound(as: WebSocketFrame.self))
        #expect(frame.fin && frame.opcode == .binary && frame.maskKey == nil)
        #expect(frame.data == ByteBuffer(repeating: 7, count: length))
    }

    @Test(arguments: [0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 64, 333])
    func theFastUnmaskingMatchesNIOs(_ count: Int) {
        var data = ByteBuffer(bytes: (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        data.moveReaderIndex(forwardBy: min(count, 3)) // a payload that does not start at the buffer's start
        let frame = WebSocketFrame(fin: true, opcode: .binary, maskKey: clientKey, data: data)
        #expect(frame.unmaskedPayload == frame.unmaskedData)
        #expect(WebSocketFrame(fin: true, opcode: .binary, data: data).unmaskedPayload == data, "an unmasked frame is read as it is")
    }
}

/// The masking key of the test's client.
private let clientKey = WebSocketMaskingKey([0x37, 0xFA, 0x21, 0x3D])!

/// A frame as a client sends it: masked.
private func clientFrame(_ opcode: WebSocketOpcode, _ text: String, fin: Bool = true) -> WebSocketFrame {
    var data = ByteBuffer(string: text)
    data.webSocketMask(clientKey)
    return WebSocketFrame(fin: fin, opcode: opcode, maskKey: clientKey, data: data)
}
