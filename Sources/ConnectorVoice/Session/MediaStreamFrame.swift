/// A WebSocket message of a media stream, as the session reads it. Twilio's protocol is JSON
/// text; a binary frame is a protocol error the session ends the stream on.
public enum MediaStreamFrame: Sendable, Equatable {
    /// A text message.
    case text(String)
    /// A binary message (its size).
    case binary(Int)
}

/// Why the connector closes a media stream's connection: the WebSocket close code it sends.
public enum MediaStreamClose: Sendable, Equatable {
    /// The stream ended as it should (the workflow finished, or Twilio stopped it).
    case normal
    /// The other side broke the protocol (a malformed message, audio that is not 8 kHz µ-law).
    case protocolError(String)
    /// The stream is not allowed (its one-time token does not match the call).
    case policyViolation(String)
}

/// Where a stream session's messages to Twilio go: the seam between the session and its
/// connection, so the session runs in tests without sockets. Synchronous, so that a frame leaves
/// from wherever the session decides to send it — Twilio's message that made it due, the
/// workflow's `play`, the pacing timer — with no task switch on the way; ``execute(_:)`` says
/// where that may happen.
public protocol MediaStreamOutput: Sendable {
    /// Runs `body` where the output may be written: at once when that is the caller's thread,
    /// otherwise soon, in the order of the calls.
    func execute(_ body: @escaping @Sendable () -> Void)
    /// Runs `body` where the output may be written once `delay` has passed (at once if it is not
    /// positive): the pacing timer, on the output's own timers rather than a task's sleep.
    func execute(after delay: Duration, _ body: @escaping @Sendable () -> Void)
    /// Whether the output takes more now: a connection whose other side stops reading stops
    /// taking, and the session keeps its audio queued (paced, and droppable by `clear`) until
    /// ``StreamConnection/outputBecameWritable()``.
    var isWritable: Bool { get }
    /// Queues a text message, sent by the next ``flush()``. Ignored once closed.
    func write(_ text: String)
    /// Sends the queued messages.
    func flush()
    /// Sends the queued messages, then closes the connection for `reason`. Only the first close counts.
    func close(_ reason: MediaStreamClose)
}

/// Where a bridge's messages to a voice agent go (an asynchronous WebSocket writer): the seam
/// between ``BridgeWorkflow`` and its connection, so the bridge runs in tests without sockets.
public protocol MediaStreamSender: Sendable {
    /// Sends a text message; throws when the connection is gone.
    func send(_ text: String) async throws
    /// Closes the connection.
    func close(_ reason: MediaStreamClose) async
}
