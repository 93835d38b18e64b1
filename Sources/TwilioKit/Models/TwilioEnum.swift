/// A Twilio string enumeration that never fails to decode: a value Twilio adds later decodes as
/// `unknown` instead of breaking the whole answer.
public protocol TwilioEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable where RawValue == String {
    /// The case for a value this version of the library does not know.
    static var unknown: Self { get }
}

extension TwilioEnum {
    public init(from decoder: any Decoder) throws {
        self.init(twilioValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// The case Twilio's `value` names, or ``unknown``.
    init(twilioValue value: String) {
        self = Self(rawValue: value) ?? .unknown
    }
}
