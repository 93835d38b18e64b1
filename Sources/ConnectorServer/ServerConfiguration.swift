/// How the connector's HTTP server runs.
public struct ServerConfiguration: Sendable {
    /// The interface to listen on.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The largest request body accepted, in bytes (larger ones get 413).
    public var maximumBodyBytes: Int

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, maximumBodyBytes: Int = 1 << 20) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
    }
}
