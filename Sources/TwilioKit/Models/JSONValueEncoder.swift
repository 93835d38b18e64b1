import Foundation

/// Encodes an `Encodable` value straight into a ``JSONValue`` tree, with no JSON text in between:
/// what `JSONEncoder` followed by decoding into `JSONValue` gives, at a fraction of the cost.
///
/// Dates become ISO 8601 text (`2030-01-31T09:00:00Z`), `Decimal`s numbers, `URL`s their absolute
/// string; `nil` optionals are left out, as the synthesised `Codable` conformances skip them.
public struct JSONValueEncoder: Sendable {
    /// How property names become JSON keys.
    public enum KeyStyle: Sendable {
        /// As the coding keys spell them.
        case asDeclared
        /// `dateCreated` → `date_created`, as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`.
        case snakeCase
    }

    /// How property names become JSON keys.
    public var keyStyle: KeyStyle

    /// Creates an encoder.
    public init(keyStyle: KeyStyle = .asDeclared) {
        self.keyStyle = keyStyle
    }

    /// The value as JSON.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        if let model = value as? any TwilioFieldsEncodable {
            var fields = TwilioFieldWriter(keyStyle: keyStyle, capacity: 32) // room for a message's 20 fields without a rehash
            model.encodeFields(into: &fields)
            return .object(fields.fields)
        }
        let root = JSONValueEncoding.Box()
        try JSONValueEncoding(storage: root, keyStyle: keyStyle, codingPath: []).encodeValue(value)
        return root.resolved
    }

    /// The fields of a value that encodes as a JSON object (empty for anything else).
    public func fields(of value: some Encodable) -> [String: JSONValue] {
        (try? encode(value))?.objectFields ?? [:]
    }
}

extension JSONValue {
    /// The fields of an object; `nil` for any other value.
    public var objectFields: [String: JSONValue]? {
        if case .object(let fields) = self { fields } else { nil }
    }
}

/// The `Encoder` behind ``JSONValueEncoder``: every container writes into a reference box that its
/// parent reads back when it finishes.
struct JSONValueEncoding: Encoder {
    /// Where one encoded value ends up.
    final class Box {
        var value: JSONValue?
        var fields: [String: Box] = [:]
        var items: [Box] = []
        var kind: Kind = .single

        enum Kind { case single, object, array }

        /// The value of this box and everything below it.
        var resolved: JSONValue {
            switch kind {
            case .single: value ?? .null
            case .object: .object(fields.mapValues(\.resolved))
            case .array: .array(items.map(\.resolved))
            }
        }
    }

    let storage: Box
    let keyStyle: JSONValueEncoder.KeyStyle
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if storage.kind != .object {
            storage.kind = .object
            storage.fields = [:]
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if storage.kind != .array {
            storage.kind = .array
            storage.items = []
        }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// Encodes `value` into this encoder's box, special-casing the types JSONEncoder special-cases.
    /// (The special types are told apart by their type, not by casting every value to each.)
    func encodeValue<Value: Encodable>(_ value: Value) throws {
        if Value.self == Date.self {
            set(.string(TwilioDateFormat.iso8601String(from: value as! Date)))
        } else if Value.self == Decimal.self {
            set(.number(NSDecimalNumber(decimal: value as! Decimal).doubleValue))
        } else if Value.self == URL.self {
            set(.string((value as! URL).absoluteString))
        } else if Value.self == JSONValue.self {
            set(value as! JSONValue)
        } else if let dictionary = value as? any StringKeyedEncodableDictionary {
            // As JSONEncoder does, a dictionary's keys are data, never converted.
            storage.kind = .object
            storage.fields = [:]
            try dictionary.encodeEntries { key, element in
                let box = Box()
                storage.fields[key] = box
                try child(box, key: JSONDictionaryKey(stringValue: key)).encodeValue(element)
            }
        } else {
            try value.encode(to: self)
            if storage.kind == .single, storage.value == nil { storage.value = .object([:]) }
        }
    }

    func set(_ value: JSONValue) {
        storage.kind = .single
        storage.value = value
    }

    /// An encoder for a child value at `key`, writing into `box`.
    func child(_ box: Box, key: any CodingKey) -> JSONValueEncoding {
        JSONValueEncoding(storage: box, keyStyle: keyStyle, codingPath: codingPath + [key])
    }

    func jsonKey(_ key: some CodingKey) -> String {
        switch keyStyle {
        case .asDeclared: key.stringValue
        case .snakeCase: SnakeCaseKeys.convert(key.stringValue)
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: JSONValueEncoding
        var codingPath: [any CodingKey] { encoder.codingPath }

        private func box(for key: Key) -> Box {
            let box = Box()
            encoder.storage.fields[encoder.jsonKey(key)] = box
            return box
        }

        mutating func encodeNil(forKey key: Key) throws { box(for: key).value = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { box(for: key).value = .bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { box(for: key).value = .string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { box(for: key).value = .number(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { box(for: key).value = .number(Double(value)) }
        mutating func encode(_ value: some Encodable, forKey key: Key) throws {
            try encoder.child(box(for: key), key: key).encodeValue(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.child(box(for: key), key: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder.child(box(for: key), key: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.child(box(for: key), key: key) }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: JSONValueEncoding
        var codingPath: [any CodingKey] { encoder.codingPath }
        var count: Int { encoder.storage.items.count }

        private func append(_ value: JSONValue? = nil) -> Box {
            let box = Box()
            box.value = value
            encoder.storage.items.append(box)
            return box
        }

        private var nextKey: any CodingKey { JSONIndexKey(intValue: count) }

        mutating func encodeNil() throws { _ = append(.null) }
        mutating func encode(_ value: Bool) throws { _ = append(.bool(value)) }
        mutating func encode(_ value: String) throws { _ = append(.string(value)) }
        mutating func encode(_ value: Double) throws { _ = append(.number(value)) }
        mutating func encode(_ value: Float) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: Int) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: Int8) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: Int16) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: Int32) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: Int64) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: UInt) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: UInt8) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: UInt16) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: UInt32) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: UInt64) throws { _ = append(.number(Double(value))) }
        mutating func encode(_ value: some Encodable) throws {
            let key = nextKey
            try encoder.child(append(), key: key).encodeValue(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let key = nextKey
            return encoder.child(append(), key: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let key = nextKey
            return encoder.child(append(), key: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let key = nextKey
            return encoder.child(append(), key: key)
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: JSONValueEncoding
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.set(.null) }
        mutating func encode(_ value: Bool) throws { encoder.set(.bool(value)) }
        mutating func encode(_ value: String) throws { encoder.set(.string(value)) }
        mutating func encode(_ value: Double) throws { encoder.set(.number(value)) }
        mutating func encode(_ value: Float) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: Int) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: Int8) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: Int16) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: Int32) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: Int64) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: UInt) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: UInt8) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: UInt16) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: UInt32) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: UInt64) throws { encoder.set(.number(Double(value))) }
        mutating func encode(_ value: some Encodable) throws { try encoder.encodeValue(value) }
    }
}

/// `[String: Value]`, whose keys ``JSONValueEncoding`` writes as they are.
private protocol StringKeyedEncodableDictionary {
    func encodeEntries(_ encode: (String, any Encodable) throws -> Void) rethrows
}

extension Dictionary: StringKeyedEncodableDictionary where Key == String, Value: Encodable {
    fileprivate func encodeEntries(_ encode: (String, any Encodable) throws -> Void) rethrows {
        for (key, element) in self { try encode(key, element) }
    }
}
