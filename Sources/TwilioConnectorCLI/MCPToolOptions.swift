import ArgumentParser
import ConnectorMCP

/// Which MCP tools a command exposes: `--tools a,b,c`, `--read-only`.
struct MCPToolOptions: ParsableArguments {
    @Option(name: .customLong("tools"), help: "Expose only these tools: names separated by commas, such as send_message,wait_for_event,phone_number_lookup.")
    var tools: String?

    @Flag(name: .customLong("read-only"), help: "Expose only the tools without side effects (get, list, lookup, events).")
    var readOnly = false

    @Option(name: .customLong("files-dir"), help: "The only folder tools may write files to (download_recording_media's save_to names a file inside it).")
    var filesDirectory = "recordings"

    /// The selection, unchecked (see ``check(_:against:option:)``).
    var selection: ToolSelection { ToolSelection(list: tools, readOnly: readOnly) }

    /// Fails naming the tools of `selection` that `toolbox` does not have.
    static func check(_ selection: ToolSelection, against toolbox: ConnectorToolbox, option: String) throws {
        let unknown = toolbox.unknownToolNames(selection.names ?? []).sorted()
        guard unknown.isEmpty else {
            throw ValidationError("\(option) names no tool called \(unknown.joined(separator: ", ")). The tools: "
                                  + toolbox.availableToolNames.joined(separator: ", "))
        }
        guard !toolbox.tools.isEmpty else { throw ValidationError("\(option) leaves no tool to expose.") }
    }
}
