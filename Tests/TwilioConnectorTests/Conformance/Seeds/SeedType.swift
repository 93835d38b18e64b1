import Foundation
import TwilioKit

/// A type as the seeds document it: `STRING`, `INTEGER`, `NUMBER`, `BOOLEAN`, `DATE_TIME`, the
/// block seed's `json`, arrays (`[STRING]`) and objects with named properties
/// (`OBJECT Properties{DATE_TIME(dateTime), STRING(zoneId)}`, `{STRING\(rawNumber)}`).
indirect enum SeedType: Sendable, Equatable, CustomStringConvertible {
    /// A named property of an object type.
    struct Property: Sendable, Equatable {
        let name: String
        let type: SeedType
    }

    case string
    case integer
    case number
    case boolean
    /// A local date-time such as `2021-01-01T00:00:00`.
    case dateTime
    /// Any JSON (the block seed's `json`).
    case json
    case array(SeedType)
    /// An object with these properties (none listed: any object).
    case object([Property])

    /// Reads a type cell of a seed's table; `nil` when it names no type.
    static func parse(_ cell: String) -> SeedType? {
        var cleaned = cell
        for noise in ["<details>", "</details>", "<summary>", "</summary>", "\\", "Properties"] {
            cleaned = cleaned.replacingOccurrences(of: noise, with: "")
        }
        var reader = Reader(text: Array(cleaned))
        return reader.type()
    }

    /// Why `value` does not have this type, or `nil` when it has it (`null` is "no value", which
    /// every type admits).
    func problem(with value: JSONValue, at path: String) -> String? {
        switch (self, value) {
        case (_, .null), (.json, _), (.string, .string), (.number, .number), (.boolean, .bool):
            return nil
        case (.integer, .number(let number)):
            return number.rounded() == number ? nil : "\(path) is \(number), not a whole number"
        case (.dateTime, .string(let text)):
            return Self.isLocalDateTime(text) ? nil : "\(path) is '\(text)', not a local date-time such as 2021-01-01T00:00:00"
        case (.array(let item), .array(let values)):
            return values.enumerated().lazy.compactMap { item.problem(with: $0.element, at: "\(path)[\($0.offset)]") }.first
        case (.object(let properties), .object(let fields)):
            return properties.lazy.compactMap { property in
                guard let field = fields[property.name] else { return "\(path) lacks \(property.name)" }
                return property.type.problem(with: field, at: "\(path).\(property.name)")
            }.first
        default:
            return "\(path) is \(value.compactText), not \(self)"
        }
    }

    var description: String {
        switch self {
        case .string: "STRING"
        case .integer: "INTEGER"
        case .number: "NUMBER"
        case .boolean: "BOOLEAN"
        case .dateTime: "DATE_TIME"
        case .json: "json"
        case .array(let item): "[\(item)]"
        case .object(let properties): "{" + properties.map { "\($0.type)(\($0.name))" }.joined(separator: ", ") + "}"
        }
    }

    /// `2021-01-01T00:00:00`: a date and a time, no offset.
    static func isLocalDateTime(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 19 else { return false }
        return characters.enumerated().allSatisfy { index, character in
            switch index {
            case 4, 7: character == "-"
            case 10: character == "T"
            case 13, 16: character == ":"
            default: character.isASCII && character.isNumber
            }
        }
    }

    /// A recursive-descent reader of type cells; text after the type (`Optionstrue, false`) is ignored.
    private struct Reader {
        let text: [Character]
        var index = 0

        mutating func type() -> SeedType? {
            skipSpaces()
            guard index < text.count else { return nil }
            switch text[index] {
            case "[":
                index += 1
                guard let item = type() else { return nil }
                skipSpaces()
                guard index < text.count, text[index] == "]" else { return nil }
                index += 1
                return .array(item)
            case "{":
                return properties().map(SeedType.object)
            default:
                let word = self.word()
                switch word.uppercased() {
                case "STRING": return .string
                case "INTEGER": return .integer
                case "NUMBER": return .number
                case "BOOLEAN": return .boolean
                case "DATE_TIME": return .dateTime
                case "JSON": return .json
                case "ARRAY": return .array(.json)
                case "OBJECT":
                    skipSpaces()
                    return index < text.count && text[index] == "{" ? properties().map(SeedType.object) : .object([])
                default: return nil
                }
            }
        }

        /// `{TYPE(name), TYPE(name)}`.
        private mutating func properties() -> [Property]? {
            index += 1
            var properties: [Property] = []
            while true {
                skipSpaces()
                guard index < text.count else { return nil }
                if text[index] == "}" { index += 1; return properties }
                if text[index] == "," { index += 1; continue }
                guard let propertyType = type(), index < text.count, text[index] == "(" else { return nil }
                index += 1
                let name = word()
                guard index < text.count, text[index] == ")" else { return nil }
                index += 1
                properties.append(Property(name: name, type: propertyType))
            }
        }

        private mutating func word() -> String {
            let start = index
            while index < text.count, text[index].isLetter || text[index].isNumber || text[index] == "_" { index += 1 }
            return String(text[start..<index])
        }

        private mutating func skipSpaces() {
            while index < text.count, text[index].isWhitespace { index += 1 }
        }
    }
}
