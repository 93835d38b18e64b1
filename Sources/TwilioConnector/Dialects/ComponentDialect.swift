import TwilioKit

/// The component dialect: `twilio/v1/<action>`, the core's Twilio-cased parameters, outputs in
/// the seeds' component shape. Each area's actions live in a `ComponentDialect+<Area>.swift` file.
enum ComponentDialect {
    static let typePrefix = "twilio/v1/"

    static let actions: [DialectAction] = messagingActions + bulkActions + voiceActions + lookupAndVerifyActions + intelligenceActions + accountActions

    /// A component action: the core action under its own name, with seed 004's `AccountSid`, and
    /// every property of its output schema in its output (null when the model has no value).
    static func action<Output>(_ core: CoreAction<Output>, aliases: [String: String] = [:], outputSchema: JSONValue, example: JSONValue,
                               render: @escaping @Sendable (Output) -> [String: JSONValue]) -> DialectAction {
        let promised = outputSchema.objectFields?["properties"]?.objectFields.map { Array($0.keys) } ?? []
        // The output itself is always an object; only its fields may be null.
        var output = outputSchema.objectFields ?? [:]
        output["type"] = "object"
        return DialectAction(core.signature.name, dialect: .component, core: core, aliases: aliases, extra: [.accountSid],
                             prepare: droppingEmptyPlaceholders, outputSchema: .object(output), example: example) { output in
            var fields = render(output)
            for name in promised where fields[name] == nil { fields[name] = .null }
            return fields
        }
    }

    /// The input without `{}` and `[]`: component engines send them, as the seeds' examples show
    /// (`"ContentVariables": {}`), for parameters left unset, just like `""`.
    static func droppingEmptyPlaceholders(_ input: [String: JSONValue]) -> [String: JSONValue] {
        input.filter { $0.value != .object([:]) && $0.value != .array([]) }
    }

    static func renderDeleted(_ deleted: DeletedResource) -> [String: JSONValue] {
        ["sid": .string(deleted.sid), "deleted": true]
    }

    // MARK: Output schemas
    // Every field is in the output, null when Twilio has no value for it.

    static let stringSchema: JSONValue = ["type": ["string", "null"]]
    static let integerSchema: JSONValue = ["type": ["integer", "null"]]
    static let numberSchema: JSONValue = ["type": ["number", "null"]]
    static let booleanSchema: JSONValue = ["type": ["boolean", "null"]]
    static let anyObjectSchema: JSONValue = ["type": ["object", "null"]]

    /// An object schema with these properties.
    static func objectSchema(_ properties: [String: JSONValue]) -> JSONValue {
        ["type": ["object", "null"], "properties": .object(properties)]
    }

    /// An array schema whose items follow `items`.
    static func arraySchema(_ items: JSONValue = anyObjectSchema) -> JSONValue {
        ["type": ["array", "null"], "items": items]
    }

    static let dateTimeSchema = objectSchema(["dateTime": stringSchema, "zoneId": stringSchema])
    static let deletedSchema = objectSchema(["sid": stringSchema, "deleted": booleanSchema])
    static let currencySchema = objectSchema(["currencyCode": stringSchema, "defaultFractionDigits": integerSchema, "numericCode": integerSchema])

    /// A list output: items under `key` (each following `item`), their count, and whether more exist.
    static func listSchema(_ key: String, item: JSONValue = anyObjectSchema) -> JSONValue {
        objectSchema([key: arraySchema(item), "count": integerSchema, "hasMore": booleanSchema])
    }
}
