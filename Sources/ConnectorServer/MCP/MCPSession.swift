import MCP

/// One MCP client over HTTP: its own `Server` (a server answers `initialize` once) on its own
/// transport, and when it last made a request.
struct MCPSession: Sendable {
    let server: MCP.Server
    let transport: StatefulHTTPServerTransport
    var lastRequest: ContinuousClock.Instant

    /// Ends the session: its streams close, later requests get 404.
    func stop() async {
        await server.stop()
    }
}
