import Foundation

/// An ordered list of `application/x-www-form-urlencoded` parameters, with repeated keys for
/// arrays (`MediaUrl=a&MediaUrl=b`), as Twilio expects for both query strings and form bodies.
public struct FormParameters: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The parameters in the order they were added.
    public private(set) var items: [(name: String, value: String)] = []

    /// An empty list.
    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        items = elements.map { (name: $0.0, value: $0.1) }
    }

    /// Whether no parameter is set.
    public var isEmpty: Bool { items.isEmpty }

    /// The values of `name`, in order.
    public func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    /// Adds `value` under `name` unless it is `nil`.
    public mutating func add(_ name: String, _ value: String?) {
        if let value { items.append((name: name, value: value)) }
    }

    /// Adds each element under `name` (a repeated key).
    public mutating func add(_ name: String, _ values: [String]?) {
        for value in values ?? [] { items.append((name: name, value: value)) }
    }

    /// Adds an integer unless it is `nil`.
    public mutating func add(_ name: String, _ value: Int?) {
        add(name, value.map(String.init))
    }

    /// Adds a decimal number unless it is `nil`.
    public mutating func add(_ name: String, _ value: Decimal?) {
        add(name, value.map { "\($0)" })
    }

    /// Adds `true`/`false` unless it is `nil`.
    public mutating func add(_ name: String, _ value: Bool?) {
        add(name, value.map { $0 ? "true" : "false" })
    }

    /// Adds an enum's raw value unless it is `nil`.
    public mutating func add<Value: RawRepresentable<String>>(_ name: String, _ value: Value?) {
        add(name, value?.rawValue)
    }

    /// Adds each enum's raw value under `name`.
    public mutating func add<Value: RawRepresentable<String>>(_ name: String, _ values: [Value]?) {
        add(name, values?.map(\.rawValue))
    }

    /// Adds `value` as compact JSON with sorted keys, as the SDKs serialize object parameters,
    /// unless it is `nil` (or cannot be encoded, such as a non-finite number).
    public mutating func add(_ name: String, json value: (some Encodable)?) {
        guard let value else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        add(name, (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) })
    }

    /// Adds a timestamp in ISO 8601 (`2024-05-01T12:00:00Z`), the form Twilio takes for every
    /// date-time parameter.
    public mutating func add(_ name: String, dateTime: Date?) {
        add(name, dateTime.map { TwilioDateFormat.iso8601String(from: $0) })
    }

    /// Adds a calendar day (`2024-05-01`, UTC), the form of `DateSent`-style filters.
    public mutating func add(_ name: String, day: Date?) {
        add(name, day.map { TwilioDateFormat.dayString(from: $0) })
    }

    /// Adds a filter that takes the `Name`, `Name<` and `Name>` forms.
    public mutating func add(_ name: String, _ filter: DateFilter?) {
        guard let filter else { return }
        let suffix = switch filter.relation {
        case .on: ""
        case .before: "<"
        case .after: ">"
        }
        switch filter.precision {
        case .day: add(name + suffix, day: filter.date)
        case .time: add(name + suffix, dateTime: filter.date)
        }
    }

    /// The encoded form: `A=1&B=x%20y`.
    public var encoded: String { String(decoding: encodedBytes, as: UTF8.self) }

    /// The encoded form as the UTF-8 bytes a request body carries, written in one pass.
    public var encodedBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(items.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 } * 3 / 2)
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "&")) }
            FormURLEncoding.percentEncode(item.name, keeping: FormURLEncoding.isUnreserved, into: &bytes)
            bytes.append(UInt8(ascii: "="))
            FormURLEncoding.percentEncode(item.value, keeping: FormURLEncoding.isUnreserved, into: &bytes)
        }
        return bytes
    }

    /// Percent-escapes everything except RFC 3986's unreserved characters.
    static func escape(_ string: String) -> String {
        FormURLEncoding.percentEncode(string, keeping: FormURLEncoding.isUnreserved)
    }

    /// Parses an encoded form or query string (`+` means a space; invalid `%` escapes are kept as
    /// written; repeated keys are kept in order).
    public static func decode<Text: StringProtocol>(_ encoded: Text) -> FormParameters {
        var parameters = FormParameters()
        parameters.items = FormURLEncoding.decode(String(encoded)).map { (name: $0.0, value: $0.1) }
        return parameters
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.items.map(\.name) == rhs.items.map(\.name) && lhs.items.map(\.value) == rhs.items.map(\.value)
    }
}

/// A date filter on a list: on, before or after a date (`DateSent`, `DateSent<`, `DateSent>`).
public struct DateFilter: Sendable, Equatable {
    /// How the filter compares.
    public enum Relation: Sendable, Equatable { case on, before, after }
    /// Whether the filter compares days or instants.
    public enum Precision: Sendable, Equatable { case day, time }

    /// The comparison.
    public var relation: Relation
    /// The date compared with.
    public var date: Date
    /// Day (`YYYY-MM-DD`) or instant (ISO 8601).
    public var precision: Precision

    /// Items on `date` (its UTC day, or that instant).
    public static func on(_ date: Date, precision: Precision = .day) -> DateFilter { .init(relation: .on, date: date, precision: precision) }
    /// Items before `date` (inclusive of the day for day precision, as Twilio documents).
    public static func before(_ date: Date, precision: Precision = .day) -> DateFilter { .init(relation: .before, date: date, precision: precision) }
    /// Items after `date` (inclusive of the day for day precision, as Twilio documents).
    public static func after(_ date: Date, precision: Precision = .day) -> DateFilter { .init(relation: .after, date: date, precision: precision) }
}

extension FormParameters {
    /// Decodes an `application/x-www-form-urlencoded` body or query string, in order, repeated
    /// names kept (`+` is a space, `%XX` escapes are decoded).
    public init(decoding text: String) {
        self.init()
        for (name, value) in FormURLEncoding.decode(text) { items.append((name: name, value: value)) }
    }
}
