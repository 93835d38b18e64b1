import Foundation
import TwilioKit

/// One input parameter of an action: name, type, rule and description. It is the single source of
/// both the parameter's JSON Schema and its validation.
public struct ParameterSpec: Sendable {
    /// The parameter's type and the rule its value follows.
    public enum Kind: Sendable {
        case string(StringRule)
        case integer(ClosedRange<Int>?)
        case number(ClosedRange<Double>?)
        case boolean
        /// An array of strings, or one string of items separated by commas or new lines.
        case stringList(maxCount: Int?, item: StringRule)
        case choice([String])
        /// An array of choices, or one comma-separated string of them.
        case choiceList([String])
        /// A JSON object (or a string holding one).
        case object
        /// An ISO 8601 date-time, or the component dialect's `{"dateTime", "zoneId"}` (a local
        /// date-time in an IANA time zone), converted to the instant it names.
        case dateTime
    }

    /// What a string must look like.
    public enum StringRule: Sendable {
        case any
        case nonEmpty
        case maxLength(Int)
        /// An E.164 phone number.
        case phoneNumber
        /// An E.164 number or a channel address (`whatsapp:+1…`, `client:…`, `sip:…`, short code, sender ID).
        case address
        /// Where a message or call goes: an E.164 number or a channel address (`whatsapp:+1…`,
        /// `messenger:…`, `client:…`, `sip:…`) — never a short code or alphanumeric sender ID.
        case recipient
        /// An `http(s)` URL.
        case url
        /// A Twilio SID with this two-letter prefix.
        case sid(String)
    }

    /// The name as the core (and the component dialect) spells it.
    public let name: String
    /// The type and rule.
    public let kind: Kind
    /// Whether the parameter must be given.
    public let required: Bool
    /// What the parameter means.
    public let description: String
    /// The value used when the parameter is absent.
    public let defaultValue: JSONValue?

    /// Creates a parameter.
    public init(_ name: String, _ kind: Kind, required: Bool = false, default defaultValue: JSONValue? = nil, _ description: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.description = description
        self.defaultValue = defaultValue
    }

    /// The JSON Schema of the parameter.
    public var schema: JSONValue {
        var schema: [String: JSONValue] = ["description": .string(description)]
        switch kind {
        case .string(let rule):
            schema["type"] = "string"
            switch rule {
            case .any: break
            case .nonEmpty: schema["minLength"] = 1
            case .maxLength(let length): schema["maxLength"] = .number(Double(length))
            case .phoneNumber: schema["pattern"] = #"^\+[1-9][0-9]{6,14}$"#
            case .address: schema["examples"] = ["+14155550100", "whatsapp:+14155550100"]
            case .recipient:
                schema["pattern"] = #"^(\+[1-9][0-9]{6,14}|(whatsapp|rcs):\+[1-9][0-9]{6,14}|messenger:[0-9]+|client:[A-Za-z0-9_]+|sip:[^@\s]+@\S+)$"#
                schema["examples"] = ["+14155550100", "whatsapp:+14155550100"]
            case .url: schema["format"] = "uri"
            case .sid(let prefix): schema["pattern"] = .string("^\(prefix)[0-9a-fA-F]{32}$")
            }
        case .integer(let range):
            schema["type"] = "integer"
            if let range {
                schema["minimum"] = .number(Double(range.lowerBound))
                schema["maximum"] = .number(Double(range.upperBound))
            }
        case .number(let range):
            schema["type"] = "number"
            if let range {
                schema["minimum"] = .number(range.lowerBound)
                schema["maximum"] = .number(range.upperBound)
            }
        case .boolean:
            schema["type"] = "boolean"
        case .stringList(let maxCount, _):
            schema["oneOf"] = [["type": "array", "items": ["type": "string"]],
                               ["type": "string", "description": "items separated by commas or new lines"]]
            if let maxCount { schema["maxItems"] = .number(Double(maxCount)) }
        case .choice(let choices):
            schema["type"] = "string"
            schema["enum"] = .array(choices.map(JSONValue.string))
        case .choiceList(let choices):
            schema["oneOf"] = [["type": "array", "items": ["type": "string", "enum": .array(choices.map(JSONValue.string))]],
                               ["type": "string", "description": "items separated by commas or new lines"]]
        case .object:
            schema["anyOf"] = [["type": "object"], ["type": "string", "description": "the object as JSON text"]]
        case .dateTime:
            schema["anyOf"] = [
                ["type": "string", "format": "date-time"],
                ["type": "object", "additionalProperties": false, "required": ["dateTime", "zoneId"], "properties": [
                    "dateTime": ["type": "string", "description": "The local date-time, without offset: 2030-01-31T09:00:00."],
                    "zoneId": ["type": "string", "description": "The IANA time zone it is read in: Europe/Paris."],
                ]],
            ]
        }
        if let defaultValue { schema["default"] = defaultValue }
        return .object(schema)
    }

    /// Checks and normalises a given value (numbers given as strings, lists given as text).
    func validate(_ value: JSONValue) -> Result<JSONValue, ValidationIssue> {
        func issue(_ rule: String) -> Result<JSONValue, ValidationIssue> {
            .failure(ValidationIssue(parameter: name, rule: rule, value: value.displayText))
        }
        switch kind {
        case .string(let rule):
            guard let text = rule.takesTextOnly ? value.stringValue : value.scalarText else {
                return issue(rule.takesTextOnly ? "must be a string (an address in quotes)" : "must be a string")
            }
            if let problem = rule.problem(with: text) { return issue(problem) }
            return .success(.string(text))
        case .integer(let range):
            guard let number = value.integerValue else { return issue("must be a whole number") }
            if let range, !range.contains(number) { return issue("must be from \(range.lowerBound) to \(range.upperBound)") }
            return .success(.number(Double(number)))
        case .number(let range):
            guard let number = value.doubleValue else { return issue("must be a number") }
            if let range, !range.contains(number) { return issue("must be from \(range.lowerBound) to \(range.upperBound)") }
            return .success(.number(number))
        case .boolean:
            guard let flag = value.boolValue else { return issue("must be true or false") }
            return .success(.bool(flag))
        case .stringList(let maxCount, let rule):
            guard let items = value.stringItems else { return issue("must be an array of strings or a comma- or newline-separated string") }
            if let maxCount, items.count > maxCount { return issue("has \(items.count) items; at most \(maxCount) are allowed") }
            for item in items {
                if let problem = rule.problem(with: item) { return issue("item '\(item)' \(problem)") }
            }
            return .success(.array(items.map(JSONValue.string)))
        case .choice(let choices):
            guard let text = value.scalarText, choices.contains(text) else {
                return issue("must be one of \(choices.joined(separator: ", "))")
            }
            return .success(.string(text))
        case .choiceList(let choices):
            guard let items = value.stringItems else { return issue("must be an array of strings or a comma- or newline-separated string") }
            if let wrong = items.first(where: { !choices.contains($0) }) {
                return issue("contains '\(wrong)'; each item must be one of \(choices.joined(separator: ", "))")
            }
            return .success(.array(items.map(JSONValue.string)))
        case .object:
            if case .object = value { return .success(value) }
            if case .string(let text) = value, let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)),
               case .object = parsed { return .success(parsed) }
            return issue("must be a JSON object")
        case .dateTime:
            if let zoned = ZonedDateTime(value) {
                switch zoned.instant() {
                case .success(let instant): return .success(.string(TwilioDateFormat.iso8601String(from: instant)))
                case .failure(let problem): return issue(problem.rule)
                }
            }
            guard let text = value.scalarText, TwilioDateFormat.date(from: text) != nil else {
                return issue(#"must be an ISO 8601 date-time such as 2030-01-31T09:00:00Z, or {"dateTime": "2030-01-31T09:00:00", "zoneId": "Europe/Paris"}"#)
            }
            return .success(.string(text))
        }
    }
}

extension ParameterSpec.StringRule {
    /// Whether only a JSON string is taken (addresses: `true` or `14155550100` as a number is a
    /// mistake, not a phone number); other rules also take numbers and booleans as their text.
    var takesTextOnly: Bool {
        switch self {
        case .phoneNumber, .address, .recipient: true
        default: false
        }
    }

    /// Why `text` breaks the rule, or `nil`.
    func problem(with text: String) -> String? {
        switch self {
        case .any:
            return nil
        case .nonEmpty:
            return text.isEmpty ? "must not be empty" : nil
        case .maxLength(let length):
            return text.count > length ? "has \(text.count) characters; at most \(length) are allowed" : nil
        case .phoneNumber:
            do { _ = try E164PhoneNumber(text) } catch { return "must be an E.164 phone number such as +14155550100: \(error)" }
            return nil
        case .address:
            do { _ = try ChannelAddress(text) } catch {
                return "must be an E.164 phone number such as +14155550100 or a channel address such as whatsapp:+14155550100: \(error)"
            }
            return nil
        case .recipient:
            let address: ChannelAddress
            do { address = try ChannelAddress(text) } catch {
                return "must be an E.164 phone number such as +14155550100 or a channel address such as whatsapp:+14155550100: \(error)"
            }
            return address.canReceive ? nil
                : "must be an E.164 phone number such as +14155550100 or a channel address such as whatsapp:+14155550100; short codes and sender IDs cannot receive"
        case .url:
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                return "must be an http:// or https:// URL"
            }
            return nil
        case .sid(let prefix):
            let valid = text.count == 34 && text.hasPrefix(prefix) && text.dropFirst(2).allSatisfy(\.isHexDigit)
            return valid ? nil : "must be a \(prefix) SID: \(prefix) followed by 32 hexadecimal digits"
        }
    }
}
