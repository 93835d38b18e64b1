/// A JSON value with ordered object keys and exact numbers, written the way Twilio writes its
/// answers: every field present, `null` where there is no value.
public indirect enum SandboxJSON: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case int(Int)
    /// A number written exactly as given (`0.0075`).
    case number(String)
    case bool(Bool)
    case null
    case array([SandboxJSON])
    case object([(String, SandboxJSON)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: SandboxJSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, SandboxJSON)...) { self = .object(elements) }

    /// A string, or `null`.
    public static func optional(_ value: String?) -> SandboxJSON { value.map(SandboxJSON.string) ?? .null }
    /// An integer, or `null`.
    public static func optional(_ value: Int?) -> SandboxJSON { value.map(SandboxJSON.int) ?? .null }
    /// A boolean, or `null`.
    public static func optional(_ value: Bool?) -> SandboxJSON { value.map(SandboxJSON.bool) ?? .null }

    /// The value of `key` in an object.
    public subscript(key: String) -> SandboxJSON? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    /// The compact JSON text.
    public var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let value): Self.writeString(value, to: &output)
        case .int(let value): output += String(value)
        case .number(let value): output += value
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += ", " }
                value.write(to: &output)
            }
            output += "]"
        case .object(let fields):
            output += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { output += ", " }
                Self.writeString(field.0, to: &output)
                output += ": "
                field.1.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                output += "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count) + String(control.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    public static func == (lhs: SandboxJSON, rhs: SandboxJSON) -> Bool { lhs.serialized == rhs.serialized }
}
