import MCP
import TwilioKit

/// One tool as the toolbox holds it: its MCP description and what calling it does. `run` answers
/// the connector's envelope (`{"success": …, "error": …, …}`) and throws only `CancellationError`,
/// when the client cancelled the call.
struct ToolDefinition: Sendable {
    /// The stable tool name (≤ 64 characters, `[a-z0-9_]`).
    let name: String
    /// A short title.
    let title: String
    /// What the tool does, when to use it, what it costs.
    let guide: ToolGuide
    /// The JSON Schema of the arguments.
    let inputSchema: JSONValue
    /// The JSON Schema of the success answer (`structuredContent`).
    let outputSchema: JSONValue
    /// Runs the tool with validated-by-the-core arguments.
    let run: @Sendable ([String: JSONValue]) async throws -> JSONValue

    /// The MCP tool.
    var tool: Tool {
        Tool(name: name, title: title, description: guide.description, inputSchema: Value(inputSchema),
             annotations: guide.effect.annotations(title: title), outputSchema: Value(outputSchema))
    }
}
