/// The coding key of a dictionary entry (or of `super`), in ``JSONValueEncoder``'s and
/// ``TwilioJSONDecoder``'s coding paths.
struct JSONDictionaryKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The coding key of an array element, as `JSONEncoder` and `JSONDecoder` name it.
struct JSONIndexKey: CodingKey {
    var stringValue: String { "Index \(intValue ?? 0)" }
    var intValue: Int?
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
