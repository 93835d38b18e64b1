import ConnectorVoice
import NIOCore
import NIOWebSocket

/// A media stream's WebSocket as the session writes to it (its ``MediaStreamOutput``): frames
/// written straight to the channel on its event loop, and the connector's side of the closing
/// handshake — a close frame, then the connection closed when Twilio answers it or after
/// `closeTimeout`.
final class MediaStreamSocket: MediaStreamOutput {
    private struct State {
        /// The connector sent its close frame (nothing more is written).
        var closing = false
        var closeTimeout: Scheduled<Void>?
    }

    private let channel: any Channel
    private let closeTimeout: TimeAmount
    private let state: NIOLoopBoundBox<State>

    /// The output of `channel`; made on its event loop.
    init(channel: any Channel, closeTimeout: TimeAmount) {
        self.channel = channel
        self.closeTimeout = closeTimeout
        state = NIOLoopBoundBox(State(), eventLoop: channel.eventLoop)
    }

    func execute(_ body: @escaping @Sendable () -> Void) {
        if channel.eventLoop.inEventLoop { body() } else { channel.eventLoop.execute(body) }
    }

    func write(_ text: String) {
        guard !state.value.closing else { return }
        channel.write(WebSocketFrame(fin: true, opcode: .text, data: channel.allocator.buffer(string: text)), promise: nil)
    }

    func flush() {
        channel.flush()
    }

    func close(_ reason: MediaStreamClose) {
        switch reason {
        case .normal: sendClose(.normalClosure, reason: "")
        case .protocolError(let text): sendClose(.protocolError, reason: text)
        case .policyViolation(let text): sendClose(.policyViolation, reason: text)
        }
    }

    /// Answers Twilio's ping.
    func pong(_ data: ByteBuffer) {
        guard !state.value.closing else { return }
        channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .pong, data: data), promise: nil)
    }

    /// Twilio sent its close frame (`payload`: its code and reason): the handshake is complete once
    /// the connector has answered it, so the connection closes.
    func peerClosed(_ payload: ByteBuffer) {
        if !state.value.closing {
            var payload = payload
            sendClose(payload.readWebSocketErrorCode() ?? .normalClosure, reason: "")
        }
        state.value.closeTimeout?.cancel()
        channel.close(promise: nil)
    }

    /// The connection closed: nothing is left to time out.
    func connectionClosed() {
        state.value.closing = true
        state.value.closeTimeout?.cancel()
    }

    /// Sends a close frame (once; its reason cut to the 123 bytes a close frame holds) and closes
    /// the connection if Twilio does not answer within the timeout.
    private func sendClose(_ code: WebSocketErrorCode, reason: String) {
        guard !state.value.closing else { return }
        state.value.closing = true
        var payload = channel.allocator.buffer(capacity: 125)
        payload.write(webSocketErrorCode: code)
        var cut = reason.utf8.prefix(123)
        while !cut.isEmpty, String(validating: cut, as: UTF8.self) == nil { cut.removeLast() }
        payload.writeBytes(cut)
        channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, data: payload), promise: nil)
        state.value.closeTimeout = channel.eventLoop.scheduleTask(in: closeTimeout) { [channel] in channel.close(promise: nil) }
    }
}
