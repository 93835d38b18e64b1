/// A parameter that breaks a rule: the parameter, the rule in words, and the value given.
public struct ValidationIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameter, as the caller's dialect names it.
    public var parameter: String
    /// The rule the value breaks, as a sentence fragment ("must be …").
    public var rule: String
    /// The value given, shortened; `nil` when the parameter is missing.
    public var value: String?

    public var description: String {
        if let value { "\(parameter) \(rule) (got '\(value.count > 80 ? String(value.prefix(80)) + "…" : value)')" }
        else { "\(parameter) \(rule)" }
    }
}
