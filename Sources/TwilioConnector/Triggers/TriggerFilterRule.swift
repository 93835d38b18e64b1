import TwilioKit

/// How a filter parameter of a trigger is matched against an event's output.
enum TriggerFilterRule: Sendable {
    /// The output field equals the value.
    case equals(String)
    /// The output field is the same number or address, with or without its channel prefix
    /// (`whatsapp:+1…` matches `+1…`).
    case address(String)
    /// The output field contains the value, ignoring case.
    case contains(String)

    /// Whether `data` (core naming) passes the filter with `value`.
    func matches(_ value: String, in data: [String: JSONValue]) -> Bool {
        switch self {
        case .equals(let field):
            return data[field]?.scalarText == value
        case .address(let field):
            guard let address = data[field]?.scalarText else { return false }
            return Self.bare(address) == Self.bare(value)
        case .contains(let field):
            return data[field]?.scalarText?.localizedCaseInsensitiveContains(value) ?? false
        }
    }

    /// An address without its channel prefix.
    private static func bare(_ address: String) -> Substring {
        address.split(separator: ":", maxSplits: 1).last ?? Substring(address)
    }
}
