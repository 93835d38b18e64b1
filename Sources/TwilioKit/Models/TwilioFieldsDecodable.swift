import Foundation

/// A model ``TwilioJSONDecoder`` reads straight from the fields of Twilio's JSON object, without
/// `Decodable`'s containers: for the answer read most, a message for every send, whose generic
/// decoding (its keys converted to camelCase, an existential container, a decoder and a type check
/// per field) was a fifth of a bulk send's CPU. Fields are read by their snake_case keys, each value
/// by ``JSONValueDecoding``'s own rules. The result stands only when it is certainly `Decodable`'s:
/// every field read was of its type and the object had no key the model did not read (a key
/// `Decodable` might also have read under its camelCase name); otherwise the decoder decodes the
/// object through `Decodable`, so what is refused, and the error that says why, stay its own.
protocol TwilioFieldsDecodable: Decodable {
    /// The model from `fields`, each read by its snake_case key: a missing or null field reads as `nil`.
    init(twilioFields fields: inout TwilioFieldReader)
}

/// The fields of one of Twilio's JSON objects as a ``TwilioFieldsDecodable`` model reads them.
struct TwilioFieldReader {
    private let fields: [String: JSONValue]
    /// How many of the object's keys were read.
    private var keysRead = 0
    /// A field read was of another type than asked for.
    private var isMismatched = false

    /// Reads the fields of `object`.
    init(object: [String: JSONValue]) {
        fields = object
    }

    /// Whether the model read is the one `Decodable` reads: every field was of its type, and every
    /// key of the object was read.
    var readsAsDecodable: Bool { !isMismatched && keysRead == fields.count }

    /// The text at `key`.
    mutating func string(_ key: String) -> String? {
        read(key) { try $0.string() }
    }

    /// The integer at `key` (a JSON number that is a whole number below 2^53).
    mutating func integer(_ key: String) -> Int? {
        read(key) { try $0.integer(Int.self) }
    }

    /// The date at `key` (RFC 2822 or ISO 8601 text).
    mutating func date(_ key: String) -> Date? {
        read(key) { try $0.decode(Date.self) }
    }

    /// The enumeration value at `key` (`unknown` for a value this library does not know).
    mutating func value<Value: TwilioEnum>(_ key: String) -> Value? {
        read(key) { Value(twilioValue: try $0.string()) }
    }

    /// The object of texts at `key`, its keys as they are.
    mutating func strings(_ key: String) -> [String: String]? {
        read(key) { decoder in
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

    private mutating func read<Value>(_ key: String, _ body: (JSONValueDecoding) throws -> Value) -> Value? {
        guard let value = fields[key] else { return nil }
        keysRead += 1
        guard value != .null else { return nil }
        do {
            return try body(JSONValueDecoding(value: value))
        } catch {
            isMismatched = true
            return nil
        }
    }
}
