import TwilioKit

/// One setting that is not what it was expected to be.
public struct SettingDifference: Sendable, Equatable, CustomStringConvertible {
    /// Its name (`sms_url`).
    public let name: String
    /// What it was expected to be (`nil`: not set).
    public let expected: String?
    /// What it is.
    public let actual: String?

    /// A setting `name` expected to be `expected` that is `actual`.
    public init(name: String, expected: String?, actual: String?) {
        self.name = name
        self.expected = expected
        self.actual = actual
    }

    /// `sms_url: https://ours → https://theirs`.
    public var description: String {
        "\(name): \(expected ?? "(not set)") → \(actual ?? "(not set)")"
    }

    /// `{"name", "expected", "actual"}`.
    public var json: JSONValue {
        ["name": .string(name), "expected": expected.map(JSONValue.string) ?? .null, "actual": actual.map(JSONValue.string) ?? .null]
    }
}
