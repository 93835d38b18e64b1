import ConnectorStore
import TwilioConnector
import TwilioKit

/// The trigger, filter (core names, checked by the trigger) and cursor of an event tool call.
struct EventToolArguments {
    let trigger: TriggerDefinition
    let filter: [String: JSONValue]
    let after: EventCursor?

    /// The trigger, filter and cursor of validated input, with the input for the tool's other
    /// parameters; a failure names the argument and the rule it breaks.
    static func make(_ input: ActionInput) -> Result<(EventToolArguments, ActionInput), ActionFailure> {
        guard let name = input.string("trigger"), let trigger = TriggerCatalogue.trigger(named: name) else {
            return .failure(.other("trigger is required: one of " + TriggerCatalogue.all.map(\.toolkitName).joined(separator: ", ") + "."))
        }
        var after: EventCursor?
        if let token = input.string("after") {
            guard let cursor = EventCursor(token: token) else {
                return .failure(.other("after '\(token)' is not a cursor of this connector: pass an event's cursor or a next_cursor it answered."))
            }
            after = cursor
        }
        let rename = TriggerNaming.rename(for: .toolkit)
        let coreNames = Dictionary(trigger.filterParameters.map { (rename($0.name), $0.name) }, uniquingKeysWith: { first, _ in first })
        let given = Dictionary((input.object("filter") ?? [:]).map { (coreNames[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        return trigger.validateFilter(given, rename: { "filter." + rename($0) }).map { filter in
            (EventToolArguments(trigger: trigger, filter: filter, after: after), input)
        }
    }
}
