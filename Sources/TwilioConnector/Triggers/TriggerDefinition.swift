import TwilioKit

/// A trigger of the catalogue: a Twilio webhook that becomes events for workflow engines. Declared
/// once; its names, parameters, output schema and example in each dialect derive from it.
public struct TriggerDefinition: Sendable {
    /// What kind of Twilio request the trigger receives, which decides its answer and its key.
    enum Kind: Sendable {
        /// An inbound message: answered with messaging TwiML (`<Message>` when `Reply` is set).
        case inboundMessage
        /// An inbound call: answered with voice TwiML.
        case inboundCall
        /// A status callback: answered 200 with an empty body.
        case statusCallback
    }

    /// The core and component name (`newSms`).
    public let name: String
    /// The toolkit name (`new_sms`).
    public let toolkitName: String
    /// A short title (`New SMS`).
    public let title: String
    /// When it fires.
    public let summary: String
    /// Its parameters: filters and answer settings.
    public let parameters: [ParameterSpec]
    /// How each filter parameter is matched against an event's output.
    let filters: [String: TriggerFilterRule]
    let kind: Kind
    /// The output's fields (camelCase), each read from Twilio's webhook parameter of its `source`.
    let fields: [OutputField]
    /// The Twilio parameters whose values make the same event the same (`MessageSid`), joined
    /// after the trigger's name into the dedupe key.
    let identity: [String]
    /// An example output, in the component naming.
    public let example: JSONValue
    /// Whether a request of this trigger's kind is one it fires on (a recording callback fires
    /// `newRecording` only once the recording is `completed`).
    let fires: @Sendable (WebhookParameters) -> Bool

    init(name: String, toolkitName: String, title: String, summary: String, parameters: [ParameterSpec],
         filters: [String: TriggerFilterRule], kind: Kind, fields: [OutputField], identity: [String], example: JSONValue,
         fires: @escaping @Sendable (WebhookParameters) -> Bool = { _ in true }) {
        self.name = name
        self.toolkitName = toolkitName
        self.title = title
        self.summary = summary
        self.parameters = parameters
        self.filters = filters
        self.kind = kind
        self.fields = fields
        self.identity = identity
        self.example = example
        self.fires = fires
    }

    /// The name in `dialect`.
    public func name(in dialect: ConnectorDialect) -> String {
        dialect == .toolkit ? toolkitName : name
    }

    /// The output's JSON Schema in `dialect`'s naming.
    public func outputSchema(in dialect: ConnectorDialect) -> JSONValue {
        let rename = TriggerNaming.rename(for: dialect)
        func schema(_ field: OutputField) -> JSONValue {
            var property: [String: JSONValue] = ["type": field.type.nullableSchemaType]
            if let description = field.description { property["description"] = .string(description) }
            if case .objects(_, let items) = field.type {
                property["items"] = ["type": "object", "properties": .object(Dictionary(uniqueKeysWithValues: items.map { (rename($0.name), schema($0)) }))]
            }
            return .object(property)
        }
        return ["type": "object", "properties": .object(Dictionary(uniqueKeysWithValues: fields.map { (rename($0.name), schema($0)) }))]
    }

    /// The JSON Schema of its parameters in `dialect`'s naming.
    public func parameterSchema(in dialect: ConnectorDialect) -> JSONValue {
        let signature = ActionSignature(name: name, title: title, summary: summary, parameters: parameters, rules: [])
        return signature.inputSchema(rename: TriggerNaming.rename(for: dialect))
    }
}

extension OutputField.FieldType {
    /// The JSON Schema `type` of a field that may be missing from a webhook: its type or null.
    var nullableSchemaType: JSONValue {
        switch self {
        case .strings, .objects: "array"
        default: [.string(schemaName), "null"]
        }
    }
}
