import TwilioKit

extension Connector {
    /// The component definition in the shape of seeds 002–004: name, title, type, the Basic Auth
    /// connection, each component action with its label, name, example `parameters` (one value
    /// of each parameter's type), `type` (`twilio/v1/<name>`), `properties` and `output` schema, and
    /// each trigger in the same shape (seed 002's triggers), with its `triggerType`.
    public func componentDefinition() -> JSONValue {
        ComponentDefinition.json
    }
}

/// Builds the component definition from the component dialect's actions.
enum ComponentDefinition {
    static let json: JSONValue = [
        "name": "twilio",
        "title": "Twilio",
        "description": "Twilio is a cloud communications platform that enables developers to integrate messaging, voice, and video capabilities into their applications.",
        "categories": ["communication"],
        "type": "twilio/v1",
        "version": 1,
        "connection": connection,
        "actions": .array(Connector.allActions.filter { $0.dialect == .component }.map(action)),
        "triggers": .array(TriggerCatalogue.all.map(trigger)),
    ]

    static let connection: JSONValue = [
        "version": 1,
        "type": "basic_auth",
        "label": "Basic Auth",
        "properties": [
            ["name": "username", "label": "Account SID", "type": "STRING", "description": "The Account SID from your Twilio account.", "required": true],
            ["name": "password", "label": "Auth Token", "type": "STRING", "description": "The Auth Token from your Twilio account.", "required": true],
        ],
    ]

    /// One action: `{"label", "name", "description", "parameters", "type", "properties", "output"}`.
    static func action(_ action: DialectAction) -> JSONValue {
        .object(entry(label: action.core.title, name: action.name, summary: action.core.summary,
                      parameters: action.visibleParameters.map { (name: action.dialectName(of: $0.name), spec: $0) }, output: action.outputSchema))
    }

    /// One trigger, as seed 002 lists them: an action's keys and `"triggerType": "STATIC_WEBHOOK"`.
    static func trigger(_ trigger: TriggerDefinition) -> JSONValue {
        var fields = entry(label: trigger.title, name: trigger.name, summary: trigger.summary,
                           parameters: trigger.parameters.map { (name: $0.name, spec: $0) }, output: trigger.outputSchema(in: .component))
        fields["triggerType"] = "STATIC_WEBHOOK"
        return .object(fields)
    }

    /// The keys an action and a trigger share.
    private static func entry(label: String, name: String, summary: String, parameters: [(name: String, spec: ParameterSpec)],
                              output: JSONValue) -> [String: JSONValue] {
        [
            "label": .string(label),
            "name": .string(name),
            "description": .string(summary),
            "parameters": .object(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.spec.defaultValue ?? placeholder($0.spec.kind)) })),
            "type": .string(ComponentDialect.typePrefix + name),
            "properties": .array(parameters.map { property($0.name, $0.spec) }),
            "output": output,
        ]
    }

    /// A property row of the seeds' tables: name, label, type, description, required (and options, default).
    static func property(_ name: String, _ spec: ParameterSpec) -> JSONValue {
        var fields: [String: JSONValue] = [
            "name": .string(name), "label": .string(label(name)), "type": .string(typeName(spec.kind)),
            "description": .string(spec.description), "required": .bool(spec.required),
        ]
        switch spec.kind {
        case .choice(let options), .choiceList(let options): fields["options"] = .array(options.map(JSONValue.string))
        case .dateTime:
            fields["properties"] = [["name": "dateTime", "type": "DATE_TIME"], ["name": "zoneId", "type": "STRING"]]
        default: break
        }
        if let value = spec.defaultValue { fields["defaultValue"] = value }
        return .object(fields)
    }

    /// The seeds' type names: STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT; a date-time is
    /// seed 004's OBJECT of `dateTime` (DATE_TIME) and `zoneId` (STRING).
    static func typeName(_ kind: ParameterSpec.Kind) -> String {
        switch kind {
        case .string, .choice: "STRING"
        case .integer: "INTEGER"
        case .number: "NUMBER"
        case .boolean: "BOOLEAN"
        case .stringList, .choiceList: "ARRAY"
        case .object, .dateTime: "OBJECT"
        }
    }

    /// The seeds' example value of a type: `""`, `1`, `false`, `[]`, `{}`, and a date-time as the
    /// seeds' output examples show it.
    static func placeholder(_ kind: ParameterSpec.Kind) -> JSONValue {
        switch kind {
        case .string, .choice: ""
        case .integer, .number: 1
        case .boolean: false
        case .stringList, .choiceList: []
        case .object: [:]
        case .dateTime: ["dateTime": "2021-01-01T00:00:00", "zoneId": ""]
        }
    }

    /// `MessagingServiceSid` → `Messaging Service Sid`, `useTemplate` → `Use Template`.
    static func label(_ name: String) -> String {
        var words: [String] = []
        for character in name {
            if character.isUppercase || words.isEmpty { words.append(String(character).uppercased()) }
            else { words[words.count - 1].append(character) }
        }
        return words.joined(separator: " ")
    }
}
