import ArgumentParser
import ConnectorMCP
import ConnectorServer
import ConnectorStore
import TwilioConnector

/// How `serve` serves MCP at `/mcp`.
struct MCPServeOptions: ParsableArguments {
    @Option(name: .customLong("mcp-tools"), help: "Expose only these tools at /mcp: names separated by commas.")
    var tools: String?

    @Flag(name: .customLong("mcp-read-only"), help: "Expose only the tools without side effects at /mcp.")
    var readOnly = false

    @Option(name: .customLong("mcp-allowed-origin"), parsing: .singleValue,
            help: "A browser origin allowed to call /mcp besides local ones, such as https://app.example.com (repeatable).")
    var allowedOrigins: [String] = []

    @Option(name: .customLong("mcp-session-idle-minutes"), help: "Minutes an MCP session may go without a request before it ends.")
    var sessionIdleMinutes = 30

    func validate() throws {
        guard sessionIdleMinutes > 0 else { throw ValidationError("--mcp-session-idle-minutes must be at least 1") }
    }

    /// The settings, the tools checked against those of `connector` and `store`.
    func settings(connector: Connector, store: any ConnectorStore) throws -> MCPSettings {
        let selection = ToolSelection(list: tools, readOnly: readOnly)
        if selection != .all {   // every tool exists: only a narrowed selection can name none or leave none
            try MCPToolOptions.check(selection, against: ConnectorToolbox(connector: connector, store: store, selection: selection),
                                     option: "--mcp-tools")
        }
        return MCPSettings(allowedOrigins: allowedOrigins, sessionIdleTimeout: .seconds(sessionIdleMinutes * 60), tools: selection)
    }
}
