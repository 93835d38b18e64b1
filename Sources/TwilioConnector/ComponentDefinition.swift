import TwilioKit

extension Connector {
    /// The component definition in the shape of seeds 002–004: name, title, type, the Basic Auth
    /// connection, and each component action with its label, name, example `parameters` (one value
    /// of each parameter's type), `type` (`twilio/v1/<name>`), `properties` and `output` schema.
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
        let specs = action.core.parameters.filter { !action.hidden.contains($0.name) }
        let named = specs.map { (name: action.dialectName(of: $0.name), spec: $0) }
        return [
            "label": .string(action.core.title),
            "name": .string(action.name),
            "description": .string(action.core.summary),
            "parameters": .object(Dictionary(uniqueKeysWithValues: named.map { ($0.name, $0.spec.defaultValue ?? placeholder($0.spec.kind)) })),
            "type": .string(ComponentDialect.typePrefix + action.name),
            "properties": .array(named.map { property($0.name, $0.spec) }),
            "output": action.outputSchema,
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
        default: break
        }
        if let value = spec.defaultValue { fields["defaultValue"] = value }
        return .object(fields)
    }

    /// The seeds' type names: STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT, DATE_TIME.
    static func typeName(_ kind: ParameterSpec.Kind) -> String {
        switch kind {
        case .string, .choice: "STRING"
        case .integer: "INTEGER"
        case .number: "NUMBER"
        case .boolean: "BOOLEAN"
        case .stringList, .choiceList: "ARRAY"
        case .object: "OBJECT"
        case .dateTime: "DATE_TIME"
        }
    }

    /// The seeds' example value of a type: `""`, `1`, `false`, `[]`, `{}`.
    static func placeholder(_ kind: ParameterSpec.Kind) -> JSONValue {
        switch kind {
        case .string, .choice: ""
        case .integer, .number: 1
        case .boolean: false
        case .stringList, .choiceList: []
        case .object: [:]
        case .dateTime: "2021-01-01T00:00:00Z"
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
