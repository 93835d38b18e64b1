import TwilioKit

/// What a toolkit action answers besides `success` and `error`, as seed 001's output schemas say,
/// for an action producing `Output`: its schema and its renderer, made together.
struct ToolkitOutput<Output>: Sendable {
    /// The output's shape, for its schema.
    let shape: ToolkitOutputShape
    /// The success fields for an output.
    let render: @Sendable (Output) -> [String: JSONValue]

    /// Nothing more (the deletes).
    static var none: Self { Self(shape: .none) { _ in [:] } }

    /// The output's JSON Schema in the seed's form, titled `<ActionName>Output`.
    func schema(action: String) -> JSONValue { shape.schema(action: action) }
}

extension ToolkitOutput where Output: ToolkitModel {
    /// One resource under a key: `message`, `call`, `lookup`, `verification`, `service`.
    static func resource(_ key: String, _ resource: ToolkitResource) -> Self {
        Self(shape: .resource(key, resource)) { [key: .object(resource.fields.project($0.toolkitFields))] }
    }

    /// Top-level fields (`download_url`, `recording_sid`, `format`).
    static func fields(_ fields: [OutputField]) -> Self {
        Self(shape: .fields(fields)) { fields.project($0.toolkitFields) }
    }
}

extension ToolkitOutput {
    /// Resources under a key (`messages`, `calls`, …), up to the limit. Seed 001's list schemas
    /// have no room for paging information, so none is given.
    static func list<Item: ToolkitModel>(_ key: String, _ resource: ToolkitResource) -> Self where Output == ListResult<Item> {
        Self(shape: .list(key, resource)) { list in
            [key: .array(list.items.map { .object(resource.fields.project($0.toolkitFields)) })]
        }
    }

    /// Resources under a key, all of them (nothing to page).
    static func all<Item: ToolkitModel>(_ key: String, _ resource: ToolkitResource) -> Self where Output == [Item] {
        Self(shape: .list(key, resource)) { items in
            [key: .array(items.map { .object(resource.fields.project($0.toolkitFields)) })]
        }
    }
}

extension ToolkitOutput where Output == BulkSendReport {
    /// A bulk send's totals and every recipient, snake_case; `success` false with an `error` when
    /// some recipients were not sent.
    static var bulkReport: Self {
        let recipient: [OutputField] = [
            .init("given"), .init("to"), .init("message_sid"), .init("status"), .init("error"), .init("error_code", .integer),
            .init("may_have_been_sent", .boolean),
        ]
        let fields: [OutputField] = [
            .init("sent_count", .integer), .init("failed_count", .integer), .init("invalid_count", .integer),
            .init("duplicate_count", .integer), .init("messages_per_second", .number),
            .init("recipients", .objects(title: "BulkRecipient", fields: recipient)),
        ]
        return Self(shape: .fields(fields)) { report in
            let rendered = BulkRendering.fields(report)
            let outcome = rendered.filter { ["success", "error"].contains($0.key) }
            return fields.project(TriggerNaming.data(.object(rendered), in: .toolkit).objectFields ?? [:]).merging(outcome) { $1 }
        }
    }
}

/// The shapes of seed 001's outputs.
enum ToolkitOutputShape: Sendable {
    case none
    case resource(String, ToolkitResource)
    case list(String, ToolkitResource)
    case fields([OutputField])

    /// The output's JSON Schema in the seed's form, titled `<ActionName>Output`.
    func schema(action: String) -> JSONValue {
        var properties: [String: JSONValue] = [
            "success": ["title": "Success", "type": "boolean"],
            "error": ToolkitSchema.nullable(["type": "string"], title: "Error"),
        ]
        var definitions: [ToolkitResource] = []
        switch self {
        case .none:
            break
        case .resource(let key, let resource):
            properties[key] = ["anyOf": [["$ref": .string(ToolkitSchema.reference(resource.title))], ["type": "null"]], "default": .null]
            definitions = [resource]
        case .list(let key, let resource):
            properties[key] = ["items": ["$ref": .string(ToolkitSchema.reference(resource.title))],
                               "title": .string(ToolkitSchema.title(key)), "type": "array"]
            definitions = [resource]
        case .fields(let fields):
            for field in fields { properties[field.name] = ToolkitSchema.property(field) }
            definitions = fields.compactMap { field in
                guard case .objects(let title, let items) = field.type else { return nil }
                return ToolkitResource(title: title, fields: items)
            }
        }
        return ToolkitSchema.output(title: ToolkitSchema.title(action).replacingOccurrences(of: " ", with: "") + "Output",
                                    properties: properties, definitions: definitions)
    }
}
