import ConnectorVoice
import NIOCore
import NIOWebSocket

/// A media stream's WebSocket as the session writes to it (its ``MediaStreamOutput``): frames
/// written straight to the channel on its event loop (encoded by ``EncodedFrameWriter``), and the
/// connector's side of the closing handshake — a close frame, then the connection closed when
/// Twilio answers it or after `closeTimeout`.
final class MediaStreamSocket: MediaStreamOutput {
    private struct State {
        /// The connector sent its close frame (nothing more is written).
        var closing = false
        var closeTimeout: Scheduled<Void>?
    }

    private let channel: any Channel
    private let writer: NIOLoopBound<EncodedFrameWriter>
    private let closeTimeout: TimeAmount
    private let state: NIOLoopBoundBox<State>

    /// The output of `channel`, whose frames go out through `writer`; made on its event loop.
    init(channel: any Channel, writer: EncodedFrameWriter, closeTimeout: TimeAmount) {
        self.channel = channel
        self.writer = NIOLoopBound(writer, eventLoop: channel.eventLoop)
        self.closeTimeout = closeTimeout
        state = NIOLoopBoundBox(State(), eventLoop: channel.eventLoop)
    }

    func execute(_ body: @escaping @Sendable () -> Void) {
        if channel.eventLoop.inEventLoop { body() } else { channel.eventLoop.execute(body) }
    }

    func execute(after delay: Duration, _ body: @escaping @Sendable () -> Void) {
        channel.eventLoop.scheduleTask(in: TimeAmount(delay), body)
    }

    var isWritable: Bool { channel.isWritable }

    func write(_ text: String) {
        guard !state.value.closing else { return }
        writer.value.write(.text, capacity: text.utf8.count) { $0.writeString(text) }
    }

    func flush() {
        writer.value.flush()
    }

    func close(_ reason: MediaStreamClose) {
        sendClose(reason.webSocketCode, reason: reason.webSocketReason)
    }

    /// Answers Twilio's ping.
    func pong(_ data: ByteBuffer) {
        guard !state.value.closing else { return }
        writer.value.write(.pong, capacity: data.readableBytes) { $0.writeImmutableBuffer(data) }
        writer.value.flush()
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

    /// Sends a close frame (once) and closes the connection if Twilio does not answer within the timeout.
    private func sendClose(_ code: WebSocketErrorCode, reason: String) {
        guard !state.value.closing else { return }
        state.value.closing = true
        writer.value.write(.connectionClose, capacity: 2 + reason.utf8.count) { payload in
            payload.write(webSocketErrorCode: code)
            payload.writeString(reason)
        }
        writer.value.flush()
        state.value.closeTimeout = channel.eventLoop.scheduleTask(in: closeTimeout) { [channel] in channel.close(promise: nil) }
    }
}
