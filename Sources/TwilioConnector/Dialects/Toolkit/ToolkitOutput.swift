import TwilioKit

/// What a toolkit action answers besides `success` and `error`, as seed 001's output schemas say.
enum ToolkitOutput: Sendable {
    /// Nothing more (the deletes).
    case none
    /// One resource under a key: `message`, `call`, `lookup`, `verification`, `service`.
    case resource(String, ToolkitResource)
    /// Resources under a key (`messages`, `calls`, …), and `has_more` when the list `pages`.
    case list(String, ToolkitResource, pages: Bool = true)
    /// Top-level fields (`download_url`, `recording_sid`, `format`).
    case fields([OutputField])

    /// The success fields for `outcome`.
    func render(_ outcome: ActionOutcome) -> [String: JSONValue] {
        let models = ToolkitRendering.models(of: outcome)
        switch self {
        case .none:
            return [:]
        case .resource(let key, let resource):
            return [key: models.items.first.map { .object(resource.fields.project($0)) } ?? .null]
        case .list(let key, let resource, _):
            var fields: [String: JSONValue] = [key: .array(models.items.map { .object(resource.fields.project($0)) })]
            if let hasMore = models.hasMore { fields["has_more"] = .bool(hasMore) }
            return fields
        case .fields(let promised):
            return models.items.first.map { promised.project($0) } ?? [:]
        }
    }

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
        case .list(let key, let resource, let pages):
            properties[key] = ["items": ["$ref": .string(ToolkitSchema.reference(resource.title))],
                               "title": .string(ToolkitSchema.title(key)), "type": "array"]
            if pages { properties["has_more"] = ["title": "Has More", "type": "boolean"] }
            definitions = [resource]
        case .fields(let fields):
            for field in fields { properties[field.name] = ToolkitSchema.property(field) }
        }
        return ToolkitSchema.output(title: ToolkitSchema.title(action).replacingOccurrences(of: " ", with: "") + "Output",
                                    properties: properties, definitions: definitions)
    }
}
