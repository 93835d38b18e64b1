import ConnectorMCP

/// How `/mcp` (MCP over streamable HTTP) behaves, beside the server's API tokens
/// (``ServerConfiguration/apiTokens``), which it requires when set.
public struct MCPSettings: Sendable {
    /// Browser origins allowed besides the local ones (`http://localhost:*`, `http://127.0.0.1:*`,
    /// `http://[::1]:*`), exactly as browsers send them: `https://app.example.com`.
    public var allowedOrigins: [String]
    /// How long a session may go without a request before it ends (the client then starts a new one).
    public var sessionIdleTimeout: Duration
    /// Which tools are exposed.
    public var tools: ToolSelection

    /// Creates settings.
    public init(allowedOrigins: [String] = [], sessionIdleTimeout: Duration = .seconds(30 * 60), tools: ToolSelection = .all) {
        self.allowedOrigins = allowedOrigins
        self.sessionIdleTimeout = sessionIdleTimeout
        self.tools = tools
    }
}
