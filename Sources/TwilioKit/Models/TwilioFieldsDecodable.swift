import Foundation

/// A model ``TwilioJSONDecoder`` reads straight from the fields of Twilio's JSON object, without
/// `Decodable`'s containers: for the answer read most, a message for every send, whose generic
/// decoding (an existential container, a decoder and a type check per field) was a fifth of a bulk
/// send's CPU. Fields are found by the names `Decodable` reads (the same camelCase conversion) and
/// each value is read by ``JSONValueDecoding``'s own rules; a field that is not of the type asked
/// for marks the reader mismatched, and the decoder then decodes the object through `Decodable`,
/// so what is refused, and the error that says why, stay the generic decoder's.
protocol TwilioFieldsDecodable: Decodable {
    /// The model from `fields`: a missing or null field reads as `nil`.
    init(twilioFields fields: inout TwilioFieldReader)
}

/// The fields of one of Twilio's JSON objects as a ``TwilioFieldsDecodable`` model reads them.
struct TwilioFieldReader {
    /// The object's fields, keyed by their camelCase names.
    private let fields: [String: JSONValue]
    /// A field read was of another type than asked for: the model read is not the object's.
    private(set) var isMismatched = false

    /// Reads the fields of `object` (snake_case keys, as Twilio sends them).
    init(object: [String: JSONValue]) {
        fields = SnakeCaseKeys.camelCased(object)
    }

    /// The text at `name`.
    mutating func string(_ name: String) -> String? {
        read(name) { try $0.string() }
    }

    /// The integer at `name` (a JSON number that is a whole number below 2^53).
    mutating func integer(_ name: String) -> Int? {
        read(name) { try $0.integer(Int.self) }
    }

    /// The date at `name` (RFC 2822 or ISO 8601 text).
    mutating func date(_ name: String) -> Date? {
        read(name) { try $0.decode(Date.self) }
    }

    /// The enumeration value at `name` (`unknown` for a value this library does not know).
    mutating func value<Value: TwilioEnum>(_ name: String) -> Value? {
        read(name) { Value(twilioValue: try $0.string()) }
    }

    /// The object of texts at `name`, its keys as they are.
    mutating func strings(_ name: String) -> [String: String]? {
        read(name) { decoder in
            guard case .object(let object) = decoder.value else { throw Mismatch() }
            var strings: [String: String] = [:]
            strings.reserveCapacity(object.count)
            for (key, value) in object {
                guard case .string(let text) = value else { throw Mismatch() }
                strings[key] = text
            }
            return strings
        }
    }

    private struct Mismatch: Error {}

    private mutating func read<Value>(_ name: String, _ body: (JSONValueDecoding) throws -> Value) -> Value? {
        guard let value = fields[name], value != .null else { return nil }
        do {
            return try body(JSONValueDecoding(value: value))
        } catch {
            isMismatched = true
            return nil
        }
    }
}
