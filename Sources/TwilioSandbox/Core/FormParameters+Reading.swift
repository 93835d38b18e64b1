import TwilioKit

extension FormParameters {
    /// The single value of `name`, or `nil`.
    func first(_ name: String) -> String? { values(name).first }

    /// The value of `name`, or a 21604-style error naming it.
    func required(_ name: String) throws(SandboxError) -> String {
        guard let value = first(name), !value.isEmpty else { throw .missingParameter(name) }
        return value
    }

    /// A URL setting of a create or update form: `nil` when absent, `.some(nil)` when given empty
    /// (which clears it), else the URL; one that is not http(s) is refused with `invalid`
    /// (Twilio's 21502 by default).
    func settingURL(_ name: String, invalid: (String, String) -> SandboxError = { name, value in
        SandboxError(.badRequest, code: 21502, "\(name) is not a valid URL: \(value)")
    }) throws(SandboxError) -> String?? {
        guard let value = first(name) else { return nil }
        guard value.isEmpty || value.hasPrefix("http://") || value.hasPrefix("https://") else { throw invalid(name, value) }
        return .some(value.isEmpty ? nil : value)
    }

    /// `true`/`false` (Twilio also accepts `True`, `1`); `nil` when absent.
    func bool(_ name: String) throws(SandboxError) -> Bool? {
        guard let value = first(name) else { return nil }
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalidParameter(name, value, rule: "must be true or false")
        }
    }

    /// An integer within `range`; `nil` when absent.
    func int(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws(SandboxError) -> Int? {
        guard let value = first(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw .invalidParameter(name, value, rule: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// One of `allowed`; `nil` when absent.
    func oneOf(_ name: String, _ allowed: [String]) throws(SandboxError) -> String? {
        guard let value = first(name) else { return nil }
        guard allowed.contains(value) else {
            throw .invalidParameter(name, value, rule: "must be one of \(allowed.joined(separator: ", "))")
        }
        return value
    }

    /// One of `allowed`, matched by raw value (the error lists them in order); `nil` when absent.
    func oneOf<Value: RawRepresentable>(_ name: String, _ allowed: [Value]) throws(SandboxError) -> Value? where Value.RawValue == String {
        guard let raw = try oneOf(name, allowed.map(\.rawValue)) else { return nil }
        return allowed.first { $0.rawValue == raw }
    }
}
