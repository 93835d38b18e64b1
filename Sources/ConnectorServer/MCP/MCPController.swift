import ConnectorMCP
import Hummingbird
import Logging
import MCP

/// `/mcp`: the connector's MCP tools over streamable HTTP. `POST` carries JSON-RPC messages
/// (requests are answered as Server-Sent Events), `GET` opens a session's stream of server
/// messages, `DELETE` ends a session. Each session has its own MCP server; every request passes
/// the ``MCPAccessPolicy`` first.
struct MCPController {
    let registry: MCPSessionRegistry
    let policy: MCPAccessPolicy
    let maximumBodyBytes: Int

    /// The controller of a server with `configuration`, exposing the tools of `dependencies`.
    init(dependencies: ServerDependencies, configuration: ServerConfiguration, logger: Logger) {
        let toolbox = Deferred { [selection = configuration.mcp.tools] in
            ConnectorToolbox(connector: dependencies.connector, store: dependencies.store, selection: selection)
        }
        registry = MCPSessionRegistry(idleTimeout: configuration.mcp.sessionIdleTimeout, logger: logger) { transport in
            try await ConnectorMCPServer.start(toolbox.value, on: transport, logger: logger)
        }
        policy = MCPAccessPolicy(apiTokens: configuration.apiTokens, loopbackOnly: configuration.isLoopback,
                                 allowedOrigins: configuration.mcp.allowedOrigins)
        maximumBodyBytes = configuration.maximumBodyBytes
    }

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.post { request, _ in await handle(request) }
        group.get { request, _ in await handle(request) }
        group.delete { request, _ in await handle(request) }
    }

    private func handle(_ request: Request) async -> Response {
        let registry = registry
        let answer: MCP.HTTPResponse
        if let mcpRequest = await MCPHTTPBridge.request(request, maximumBodyBytes: maximumBodyBytes) {
            answer = if let refusal = policy.validate(mcpRequest, context: HTTPValidationContext(httpMethod: mcpRequest.method)) {
                refusal
            } else {
                await registry.handle(mcpRequest)
            }
        } else {
            answer = .error(statusCode: 413, .invalidRequest("Content Too Large: the body is larger than \(maximumBodyBytes) bytes"))
        }
        return MCPHTTPBridge.response(answer) { Task { await registry.endAll() } }
    }
}
