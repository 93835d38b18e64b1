/// A parameter that breaks a rule: the parameter, the rule in words, and the value given.
public struct ValidationIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of rule a parameter breaks, so an engine can tell a misspelt name from a bad
    /// value without reading the sentence (`kind` in `invalidParameters`).
    public enum Kind: String, Sendable {
        /// The name is not a parameter of the action.
        case unknown
        /// A required parameter is missing.
        case missing
        /// The value does not have the parameter's type or shape.
        case invalid
        /// The parameters given do not go together (one needs another, two exclude each other, a
        /// select does not agree with the fields it selects).
        case combination
    }

    /// The parameter, as the caller's dialect names it.
    public var parameter: String
    /// The rule the value breaks, as a sentence fragment ("must be …").
    public var rule: String
    /// The value given, shortened; `nil` when the parameter is missing.
    public var value: String?
    /// What kind of rule it is.
    public var kind: Kind

    /// An issue of `parameter`; a value that breaks a rule of its own unless `kind` says otherwise.
    public init(parameter: String, rule: String, value: String? = nil, kind: Kind = .invalid) {
        self.parameter = parameter
        self.rule = rule
        self.value = value
        self.kind = kind
    }

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
