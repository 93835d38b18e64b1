import Foundation
import TwilioKit

extension JSONValue {
    /// A string, number or boolean as text (workflow engines often send numbers as strings and back).
    public var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// The text of a string, and nothing else.
    var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// A whole number, from a number or a numeric string (surrounding spaces trimmed only when it
    /// does not parse as it is: trimming goes through Foundation, every webhook reads such fields).
    var integerValue: Int? {
        switch self {
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: Int(number)
        case .string(let text): Int(text) ?? Int(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// A number, from a number or a numeric string.
    var doubleValue: Double? {
        switch self {
        case .number(let number): number
        case .string(let text): Double(text) ?? Double(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// A boolean, from `true`/`false` or their string forms.
    var boolValue: Bool? {
        switch self {
        case .bool(let flag): flag
        case .string(let text):
            switch text.lowercased() {
            case "true", "yes", "1": true
            case "false", "no", "0": false
            default: nil
            }
        default: nil
        }
    }

    /// Strings from an array, or from one string split at commas and new lines (blank items dropped).
    var stringItems: [String]? {
        switch self {
        case .array(let values):
            let texts = values.compactMap(\.scalarText)
            return texts.count == values.count ? texts.map(\.trimmingSpaces).filter { !$0.isEmpty } : nil
        case .string(let text):
            return text.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" })
                .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        default:
            return nil
        }
    }

    /// A short rendering for error messages.
    var displayText: String {
        switch self {
        case .null: "null"
        case .array(let values): "[" + values.map(\.displayText).joined(separator: ", ") + "]"
        case .object: "{…}"
        default: scalarText ?? ""
        }
    }
}

