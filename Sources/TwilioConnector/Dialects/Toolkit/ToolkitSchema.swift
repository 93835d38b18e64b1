import TwilioKit

/// Seed 001's JSON Schema conventions (Pydantic's): titled properties, optional ones as
/// `anyOf: [type, null]` defaulting to null, shapes under `$defs`, no additional properties.
enum ToolkitSchema {
    /// The schema of an output with these top-level properties and the shapes they use.
    static func output(title: String, properties: [String: JSONValue], definitions: [ToolkitResource]) -> JSONValue {
        var schema: [String: JSONValue] = [
            "additionalProperties": false, "properties": .object(properties), "required": ["success"],
            "title": .string(title), "type": "object",
        ]
        let all = definitions.flatMap(nested)
        if !all.isEmpty {
            schema["$defs"] = .object(Dictionary(all.map { ($0.title, definition($0)) }, uniquingKeysWith: { first, _ in first }))
        }
        return .object(schema)
    }

    /// A shape of `$defs`.
    static func definition(_ resource: ToolkitResource) -> JSONValue {
        ["additionalProperties": false, "properties": .object(Dictionary(resource.fields.map { ($0.name, property($0)) }, uniquingKeysWith: { first, _ in first })),
         "title": .string(resource.title), "type": "object"]
    }

    /// A property: arrays are always present, other values may be null.
    static func property(_ field: OutputField) -> JSONValue {
        let title = JSONValue.string(title(field.name))
        switch field.type {
        case .strings:
            return ["items": ["type": "string"], "title": title, "type": "array"]
        case .objects(let shape, _):
            return ["items": ["$ref": .string(reference(shape))], "title": title, "type": "array"]
        default:
            return nullable(["type": .string(field.type.schemaName)], title: title)
        }
    }

    /// `anyOf: [schema, null]`, defaulting to null.
    static func nullable(_ schema: JSONValue, title: JSONValue) -> JSONValue {
        ["anyOf": [schema, ["type": "null"]], "default": .null, "title": title]
    }

    /// `#/$defs/<title>`.
    static func reference(_ title: String) -> String { "#/$defs/" + title }

    /// `date_created` → `Date Created`.
    static func title(_ name: String) -> String {
        name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The resource and the shapes its arrays of objects use.
    private static func nested(_ resource: ToolkitResource) -> [ToolkitResource] {
        [resource] + resource.fields.flatMap { field -> [ToolkitResource] in
            guard case .objects(let title, let fields) = field.type else { return [] }
            return nested(ToolkitResource(title: title, fields: fields))
        }
    }
}
