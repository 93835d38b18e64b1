import ConnectorStore
import MCP
import TwilioConnector
import TwilioKit

/// The connector's MCP tools: every toolkit-dialect action (seed 001's seventeen and
/// `send_bulk_sms`) and the trigger tools `list_events` and `wait_for_event`, as a selection
/// exposes them. Shared by every session of a server; calls run concurrently.
public struct ConnectorToolbox: Sendable {
    /// The exposed tools' definitions, by name.
    private let byName: [String: ToolDefinition]
    /// The name of every tool, exposed or not (to check a `--tools` list against).
    public let availableToolNames: [String]
    /// The exposed tools, as `tools/list` answers them.
    public let tools: [Tool]

    /// The tools of `connector` and `store` that `selection` exposes. `eventPollInterval` is how
    /// often `wait_for_event` reads the store again when no change was signalled in this process.
    public init(connector: Connector, store: any ConnectorStore, selection: ToolSelection = .all,
                eventPollInterval: Duration = .seconds(1)) {
        let all = ActionTools.definitions(connector) + EventTools(store: store, pollInterval: eventPollInterval).definitions
        availableToolNames = all.map(\.name)
        let definitions = all.filter { selection.includes($0.name, effect: $0.guide.effect) }
        byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        tools = definitions.map(\.tool)
    }

    /// The names in `names` that are no tool of this connector.
    public func unknownToolNames(_ names: some Sequence<String>) -> [String] {
        let known = Set(availableToolNames)
        return names.filter { !known.contains($0) }
    }

    /// Calls the tool `name`: its answer, a tool error (`isError`) when it did not succeed, or an
    /// MCP protocol error when no such tool is exposed. Throws `CancellationError` when the call
    /// was cancelled.
    public func call(_ name: String, arguments: [String: Value]?) async throws -> CallTool.Result {
        let given: JSONValue
        do {
            given = try JSONValue.arguments(arguments ?? [:])
        } catch {
            throw MCPError.invalidParams("The arguments of \(name) are not JSON: \(error)")
        }
        return try await call(name, json: given.objectFields ?? [:])
    }

    /// Calls the tool `name` with arguments as the client wrote them; see ``call(_:arguments:)``.
    public func call(_ name: String, json arguments: [String: JSONValue]) async throws -> CallTool.Result {
        guard let definition = byName[name] else {
            throw MCPError.invalidParams("Unknown tool '\(name)'. tools/list lists the tools of this server.")
        }
        return CallTool.Result(envelope: try await definition.run(arguments))
    }
}
