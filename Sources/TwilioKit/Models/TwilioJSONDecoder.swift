import Foundation

/// Decodes Twilio's answers, by way of ``JSONParser``'s ``JSONValue`` tree instead of
/// `JSONDecoder` (configured as Twilio's answers need it): snake_case keys are read as the
/// camelCase names `JSONDecoder.KeyDecodingStrategy.convertFromSnakeCase` gives them, dates as
/// RFC 2822 or ISO 8601 text, URLs as their text, decimals from a number. Numbers are doubles, so
/// an integer from 2^53 on is refused rather than rounded. `JSONDecoder` spent about a tenth of
/// an action's CPU here, mostly converting every key of every object. A ``TwilioFieldsDecodable``
/// model (a message) is read field by field, without `Decodable`'s containers, when that reads what
/// `Decodable` would.
struct TwilioJSONDecoder: Sendable {
    /// Decodes `type` from JSON text; invalid JSON is a `DecodingError.dataCorrupted`.
    func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Collection<UInt8>) throws -> Value {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON: \(error)",
                                                    underlyingError: error))
        }
        if let model = type as? any TwilioFieldsDecodable.Type, case .object(let object) = json {
            var fields = TwilioFieldReader(object: object)
            let decoded = model.init(twilioFields: &fields)
            if fields.readsAsDecodable { return decoded as! Value }
        }
        return try JSONValueDecoding(value: json).decode(type)
    }
}

/// The `Decoder` behind ``TwilioJSONDecoder``: one JSON value and where it sits.
struct JSONValueDecoding: Decoder {
    let value: JSONValue
    /// Where the value's parent sits, and the value's key in it (its coding path, assembled only
    /// when asked: every field a model reads has a decoder, only an error needs its path).
    private let parentPath: [any CodingKey]
    private let key: (any CodingKey)?
    var codingPath: [any CodingKey] { key.map { parentPath + [$0] } ?? parentPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A decoder of the document's root value.
    init(value: JSONValue) {
        self.init(value: value, parentPath: [], key: nil)
    }

    private init(value: JSONValue, parentPath: [any CodingKey], key: (any CodingKey)?) {
        self.value = value
        self.parentPath = parentPath
        self.key = key
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw mismatch([String: JSONValue].self) }
        return KeyedDecodingContainer(KeyedContainer<Key>(fields: SnakeCaseKeys.camelCased(fields), decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([JSONValue].self) }
        return UnkeyedContainer(items: items, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleContainer(decoder: self) }

    /// Decodes `type` from this value, special-casing the types `JSONDecoder` special-cases.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if type == Date.self {
            let text = try string()
            guard let date = TwilioDateFormat.date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath,
                                                        debugDescription: "'\(text)' is neither an RFC 2822 nor an ISO 8601 date"))
            }
            return date as! Value
        }
        if type == URL.self {
            let text = try string()
            guard let url = URL(string: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Invalid URL string."))
            }
            return url as! Value
        }
        if type == Decimal.self {
            // Through the number's shortest text (`-0.0025`), not its binary value (-0.00250000000000000005…).
            let number = try double()
            guard let decimal = Decimal(string: number.description) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Parsed JSON number <\(number)> does not fit in Decimal."))
            }
            return decimal as! Value
        }
        if type == JSONValue.self { return value as! Value }
        if let dictionary = type as? any StringKeyedDictionary.Type {
            // As JSONDecoder does, a dictionary's keys are data, never converted.
            return try dictionary.decodeKeepingKeys(from: self) as! Value
        }
        return try Value(from: self)
    }

    func isNull() -> Bool { value == .null }

    func bool() throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(Bool.self) }
        return bool
    }

    func string() throws -> String {
        guard case .string(let string) = value else { throw mismatch(String.self) }
        return string
    }

    func double() throws -> Double {
        guard case .number(let number) = value else { throw mismatch(Double.self) }
        return number
    }

    func float() throws -> Float {
        let number = try double()
        guard number.magnitude <= Double(Float.greatestFiniteMagnitude) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Parsed JSON number <\(number)> does not fit in Float."))
        }
        return Float(number)
    }

    func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
        let number = try double()
        guard let integer = Integer(exactly: number), number.magnitude < 9_007_199_254_740_992 else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Parsed JSON number <\(number)> does not fit in \(type)."))
        }
        return integer
    }

    /// A decoder for a child value at `key`.
    func child(_ value: JSONValue, key: any CodingKey) -> JSONValueDecoding {
        JSONValueDecoding(value: value, parentPath: codingPath, key: key)
    }

    private func mismatch(_ expected: Any.Type) -> DecodingError {
        let found: String
        switch value {
        case .null: return .valueNotFound(expected, .init(codingPath: codingPath, debugDescription: "Expected \(expected) value but found null instead."))
        case .string: found = "a string"
        case .number: found = "a number"
        case .bool: found = "a bool"
        case .object: found = "a dictionary"
        case .array: found = "an array"
        }
        return .typeMismatch(expected, .init(codingPath: codingPath, debugDescription: "Expected to decode \(expected) but found \(found) instead."))
    }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let fields: [String: JSONValue]
        let decoder: JSONValueDecoding
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

        private func child(_ key: Key) throws -> JSONValueDecoding {
            guard let value = fields[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath,
                                                           debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
            }
            return decoder.child(value, key: key)
        }

        func decodeNil(forKey key: Key) throws -> Bool { try child(key).isNull() }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).bool() }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).string() }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).double() }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).float() }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).integer(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).integer(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).integer(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).integer(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).integer(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).integer(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).integer(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).integer(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).integer(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).integer(type) }
        func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value { try child(key).decode(type) }

        /// The decoder of the value at `key`, or `nil` when it is missing or null: what
        /// `decodeIfPresent` reads as `nil`, in one lookup (the protocol's default makes three).
        private func present(_ key: Key) -> JSONValueDecoding? {
            guard let value = fields[key.stringValue] else { return nil }
            if case .null = value { return nil }
            return decoder.child(value, key: key)
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key)?.bool() }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key)?.string() }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key)?.double() }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(key)?.float() }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key)?.integer(type) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(key)?.integer(type) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(key)?.integer(type) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(key)?.integer(type) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(key)?.integer(type) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(key)?.integer(type) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(key)?.integer(type) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(key)?.integer(type) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(key)?.integer(type) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(key)?.integer(type) }
        func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? { try present(key)?.decode(type) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try child(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
        func superDecoder() throws -> any Decoder { decoder.child(fields["super"] ?? .null, key: JSONDictionaryKey(stringValue: "super")) }
        func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(fields[key.stringValue] ?? .null, key: key) }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let items: [JSONValue]
        let decoder: JSONValueDecoding
        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }
        private(set) var currentIndex = 0

        init(items: [JSONValue], decoder: JSONValueDecoding) {
            self.items = items
            self.decoder = decoder
        }

        /// The decoder of the next item, moving past it.
        private mutating func next(_ expected: Any.Type) throws -> JSONValueDecoding {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(expected, .init(codingPath: codingPath + [JSONIndexKey(intValue: currentIndex)],
                                                                  debugDescription: "Unkeyed container is at end."))
            }
            defer { currentIndex += 1 }
            return decoder.child(items[currentIndex], key: JSONIndexKey(intValue: currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, items[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).bool() }
        mutating func decode(_ type: String.Type) throws -> String { try next(type).string() }
        mutating func decode(_ type: Double.Type) throws -> Double { try next(type).double() }
        mutating func decode(_ type: Float.Type) throws -> Float { try next(type).float() }
        mutating func decode(_ type: Int.Type) throws -> Int { try next(type).integer(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).integer(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).integer(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).integer(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).integer(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).integer(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).integer(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).integer(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).integer(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).integer(type) }
        mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try next(type).decode(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next([String: JSONValue].self).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next([JSONValue].self).unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next(JSONValue.self) }
    }

    struct SingleContainer: SingleValueDecodingContainer {
        let decoder: JSONValueDecoding
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool { decoder.isNull() }
        func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
        func decode(_ type: String.Type) throws -> String { try decoder.string() }
        func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
        func decode(_ type: Float.Type) throws -> Float { try decoder.float() }
        func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
        func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try decoder.decode(type) }
    }
}

/// `[String: Value]`, whose keys ``JSONValueDecoding`` keeps as they are.
private protocol StringKeyedDictionary {
    static func decodeKeepingKeys(from decoder: JSONValueDecoding) throws -> Self
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Decodable {
    fileprivate static func decodeKeepingKeys(from decoder: JSONValueDecoding) throws -> [String: Value] {
        guard case .object(let fields) = decoder.value else { return try Self(from: decoder) }
        var dictionary: [String: Value] = [:]
        dictionary.reserveCapacity(fields.count)
        for (key, value) in fields {
            dictionary[key] = try decoder.child(value, key: JSONDictionaryKey(stringValue: key)).decode(Value.self)
        }
        return dictionary
    }
}
