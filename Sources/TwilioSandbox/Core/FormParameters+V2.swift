import TwilioKit

/// Parameter readers of the v1/v2 APIs: a value of the wrong shape is a 60200 error naming it.
extension FormParameters {
    /// `true`/`false` (any case); `nil` when absent.
    func v2Bool(_ name: String) throws(SandboxError) -> Bool? {
        guard let value = first(name) else { return nil }
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .invalidV2Parameter(name, value)
        }
    }

    /// An integer within `range`; `nil` when absent.
    func v2Int(_ name: String, in range: ClosedRange<Int>) throws(SandboxError) -> Int? {
        guard let value = first(name) else { return nil }
        guard let number = Int(value), range.contains(number) else { throw .invalidV2Parameter(name, value) }
        return number
    }

    /// A SID with `prefix`; `nil` when absent.
    func v2SID(_ name: String, prefix: String) throws(SandboxError) -> String? {
        guard let value = first(name) else { return nil }
        guard SID.isValid(value, prefix: prefix) else { throw .invalidV2Parameter(name, value) }
        return value
    }

    /// One of `allowed`; `nil` when absent.
    func v2OneOf(_ name: String, _ allowed: [String]) throws(SandboxError) -> String? {
        guard let value = first(name) else { return nil }
        guard allowed.contains(value) else { throw .invalidV2Parameter(name, value) }
        return value
    }

    /// One of `allowed`, matched by raw value; `nil` when absent.
    func v2OneOf<Value: RawRepresentable>(_ name: String, _ allowed: [Value]) throws(SandboxError) -> Value? where Value.RawValue == String {
        guard let raw = try v2OneOf(name, allowed.map(\.rawValue)) else { return nil }
        return allowed.first { $0.rawValue == raw }
    }
}
