/// Opens WebSocket connections to applications that speak the Media Streams protocol (a user's own
/// voice agent, for the `bridge` workflow): the seam between the bridge and its sockets.
public protocol MediaStreamDialer: Sendable {
    /// Connects to `url` (`ws://` or `wss://`) sending `headers` with the upgrade request, runs
    /// `body` on the open connection, and closes it when `body` returns. Throws when the connection
    /// cannot be made.
    func connect(to url: String, headers: [String: String], body: @escaping @Sendable (MediaStreamConnection) async -> Void) async throws
}

/// An open connection to a Media Streams application: what it sends, and where to send to it.
public struct MediaStreamConnection {
    /// The application's messages, until it closes the connection.
    public let frames: any AsyncSequence<MediaStreamFrame, any Error>
    /// Sends to the application.
    public let sender: any MediaStreamSender

    /// Creates a connection.
    public init(frames: any AsyncSequence<MediaStreamFrame, any Error>, sender: any MediaStreamSender) {
        self.frames = frames
        self.sender = sender
    }
}
