import ConnectorStore
import TwilioConnector
import TwilioKit

/// The JSON of triggers and their events, as every endpoint and the CLI show them.
public enum TriggerJSON {
    /// A trigger with its names, schemas, example and webhook path.
    public static func trigger(_ trigger: TriggerDefinition) -> JSONValue {
        [
            "name": .string(trigger.name), "toolkitName": .string(trigger.toolkitName), "title": .string(trigger.title),
            "description": .string(trigger.summary),
            "parameters": trigger.parameterSchema(in: .component), "output": trigger.outputSchema(in: .component),
            "toolkit": ["parameters": trigger.parameterSchema(in: .toolkit), "output": trigger.outputSchema(in: .toolkit)],
            "example": trigger.example, "webhook": .string("/webhooks/twilio/\(trigger.name)"),
        ]
    }

    /// An event in `dialect`'s naming: `{id, trigger, receivedAt, cursor, data}`.
    public static func event(_ event: TriggerEvent, dialect: ConnectorDialect) -> JSONValue {
        let name = TriggerCatalogue.trigger(named: event.trigger)?.name(in: dialect) ?? event.trigger
        return [
            "id": .string(event.id), "trigger": .string(name), "receivedAt": .string(TwilioDateFormat.iso8601String(from: event.receivedAt)),
            "cursor": .string(EventCursor(sequence: event.sequence).description),
            "data": TriggerNaming.data(event.data, in: dialect),
        ]
    }
}
