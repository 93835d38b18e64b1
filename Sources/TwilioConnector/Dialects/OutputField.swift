import Foundation
import TwilioKit

/// One field a dialect promises in its output: its name, the rendered model field it comes from
/// and its JSON type. The toolkit and block dialects declare their seeds' output tables with it, so
/// every promised field is present (null when the model has no value) and has the promised type.
struct OutputField: Sendable {
    /// The JSON type of a field.
    indirect enum FieldType: Sendable {
        case string
        case integer
        case number
        case boolean
        /// Any JSON, passed on as the model has it.
        case json
        /// An array of strings (empty when absent).
        case strings
        /// An array of objects with these fields (empty when absent); `title` names their shape.
        case objects(title: String, fields: [OutputField])

        /// The JSON Schema `type` name.
        var schemaName: String {
            switch self {
            case .string: "string"
            case .integer: "integer"
            case .number: "number"
            case .boolean: "boolean"
            case .json: "object"
            case .strings, .objects: "array"
            }
        }
    }

    /// The name in the output.
    let name: String
    /// The keys of the rendered model it is read from, outermost first: its source
    /// (`line_type_intelligence.type`) split at the dots once, not for every output.
    private let sourcePath: [String]
    let type: FieldType
    /// What the field holds (the seed's description), if it says.
    let description: String?

    /// A field read from `source` (by default the field of the same name); dots in it reach into objects.
    init(_ name: String, _ type: FieldType = .string, from source: String? = nil, _ description: String? = nil) {
        self.name = name
        sourcePath = (source ?? name).split(separator: ".").map(String.init)
        self.type = type
        self.description = description
    }

    /// A string field with its description.
    init(_ name: String, from source: String? = nil, _ description: String) {
        self.init(name, .string, from: source, description)
    }

    /// The field's value in `model`, converted to the promised type; `null` (or `[]` for arrays)
    /// when the model has no value that fits.
    func value(in model: [String: JSONValue]) -> JSONValue {
        let found = sourcePath.dropFirst().reduce(model[sourcePath.first ?? ""]) { value, key in value?.objectFields?[key] }
        return Self.convert(found ?? .null, to: type)
    }

    private static func convert(_ value: JSONValue, to type: FieldType) -> JSONValue {
        switch (type, value) {
        case (.strings, .array(let items)):
            return .array(items.compactMap { $0.scalarText.map(JSONValue.string) })
        case (.objects(_, let fields), .array(let items)):
            return .array(items.compactMap { $0.objectFields.map { .object(fields.project($0)) } })
        case (.strings, _), (.objects, _):
            return []
        case (_, .null), (.json, _):
            return value
        case (.string, .object), (.string, .array):
            return .string(value.compactText)
        case (.string, _):
            return value.scalarText.map(JSONValue.string) ?? .null
        case (.integer, _):
            return value.integerValue.map { .number(Double($0)) } ?? .null
        case (.number, _):
            return value.doubleValue.map(JSONValue.number) ?? .null
        case (.boolean, _):
            return value.boolValue.map(JSONValue.bool) ?? .null
        }
    }
}

extension [OutputField] {
    /// Exactly these fields, read from `model`.
    func project(_ model: [String: JSONValue]) -> [String: JSONValue] {
        Dictionary(map { ($0.name, $0.value(in: model)) }, uniquingKeysWith: { first, _ in first })
    }
}
