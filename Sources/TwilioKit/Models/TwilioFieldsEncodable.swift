import Foundation

/// A model ``JSONValueEncoder`` writes field by field, without `Encodable`'s containers: the
/// counterpart of ``TwilioFieldsDecodable`` for the model rendered most, a message for every send,
/// whose generic encoding made a box, a container and a type check per field. The fields are
/// written as `Encodable` writes them (absent ones left out, the encoder's key style, dates as
/// ISO 8601 text), which the tests hold it to.
protocol TwilioFieldsEncodable: Encodable {
    /// Writes every field that is not `nil`, under its property name.
    func encodeFields(into fields: inout TwilioFieldWriter)
}

/// Collects a ``TwilioFieldsEncodable`` model's fields as a JSON object.
struct TwilioFieldWriter {
    let keyStyle: JSONValueEncoder.KeyStyle
    /// The fields written so far, under their keys in ``keyStyle``.
    private(set) var fields: [String: JSONValue] = [:]

    init(keyStyle: JSONValueEncoder.KeyStyle, capacity: Int) {
        self.keyStyle = keyStyle
        fields.reserveCapacity(capacity)
    }

    mutating func write(_ name: String, _ value: String?) {
        if let value { fields[key(name)] = .string(value) }
    }

    mutating func write(_ name: String, _ value: Int?) {
        if let value { fields[key(name)] = .number(Double(value)) }
    }

    mutating func write(_ name: String, _ value: Date?) {
        if let value { fields[key(name)] = .string(TwilioDateFormat.iso8601String(from: value)) }
    }

    mutating func write(_ name: String, _ value: (some TwilioEnum)?) {
        if let value { fields[key(name)] = .string(value.rawValue) }
    }

    /// A dictionary's keys are data, never converted (as `JSONEncoder` does).
    mutating func write(_ name: String, _ value: [String: String]?) {
        if let value { fields[key(name)] = .object(value.mapValues(JSONValue.string)) }
    }

    private func key(_ name: String) -> String {
        switch keyStyle {
        case .asDeclared: name
        case .snakeCase: SnakeCaseKeys.convert(name)
        }
    }
}
