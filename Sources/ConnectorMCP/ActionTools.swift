import TwilioConnector
import TwilioKit

/// The toolkit dialect's actions as tools: the action's name, input and output schemas, run by the
/// connector, which validates the arguments as it does for every caller.
enum ActionTools {
    /// A tool for each toolkit action of `connector`.
    static func definitions(_ connector: Connector) -> [ToolDefinition] {
        connector.actions(in: .toolkit).compactMap { description in
            guard let action = connector.action(named: description.name) else { return nil }
            return ToolDefinition(
                name: description.name, title: description.title,
                guide: ToolGuide.byName[description.name] ?? .fallback(summary: description.summary),
                inputSchema: description.inputSchema, outputSchema: description.outputSchema,
                run: { arguments in await connector.run(action, parameters: .object(arguments)) })
        }
    }
}
