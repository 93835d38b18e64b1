/// A value written as one validated string (a phone number, a channel address): it encodes as
/// that string and decodes by parsing it, so malformed JSON input fails with the parser's reason.
public protocol ValidatedString: Codable, CustomStringConvertible {
    /// Why a string is not a valid value.
    associatedtype ParseError: Error & CustomStringConvertible
    /// Parses `string`.
    init(_ string: String) throws(ParseError)
}

extension ValidatedString {
    /// Decodes a JSON string holding the value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        do {
            self = try Self(string)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(string)\" \(error.description)")
        }
    }

    /// Encodes the value as its string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
