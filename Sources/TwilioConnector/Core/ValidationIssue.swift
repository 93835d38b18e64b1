/// A parameter that breaks a rule: the parameter, the rule in words, and the value given.
public struct ValidationIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameter, as the caller's dialect names it.
    public var parameter: String
    /// The rule the value breaks, as a sentence fragment ("must be …").
    public var rule: String
    /// The value given, shortened; `nil` when the parameter is missing.
    public var value: String?

    /// The issue with its parameter, and the `{Name}` references to other parameters in its rule,
    /// as `rename` names them (a dialect's names for core parameters).
    func renamed(_ rename: (String) -> String) -> ValidationIssue {
        var renamed = self
        renamed.parameter = rename(parameter)
        while let open = renamed.rule.firstIndex(of: "{"),
              let close = renamed.rule[open...].firstIndex(of: "}") {
            let name = String(renamed.rule[renamed.rule.index(after: open)..<close])
            renamed.rule.replaceSubrange(open...close, with: rename(name))
        }
        return renamed
    }

    public var description: String {
        if let value { "\(parameter) \(rule) (got '\(value.count > 80 ? String(value.prefix(80)) + "…" : value)')" }
        else { "\(parameter) \(rule)" }
    }
}
