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

/// Where a media stream's messages go: the seam between the session and its WebSocket, so the
/// session runs in tests without sockets.
public protocol MediaStreamSender: Sendable {
    /// Sends a text message; throws when the connection is gone.
    func send(_ text: String) async throws
    /// Closes the connection.
    func close(_ reason: MediaStreamClose) async
}
