import TwilioKit

/// A rule over several parameters of one action.
public enum CrossRule: Sendable {
    /// Exactly one of the parameters must be given.
    case exactlyOne([String])
    /// At least one of the parameters must be given.
    case atLeastOne([String])
    /// At most one of the parameters may be given.
    case atMostOne([String])
    /// When the first parameter is given, the others must be too.
    case requires(String, [String])
    /// When the select is given, the fields of its option must be given and those of its other
    /// options must not.
    case select(ParameterSelect)

    /// The issue when `values` (the parameters present, validated) break the rule.
    func issue(values: [String: JSONValue], rename: (String) -> String) -> ValidationIssue? {
        func given(_ name: String) -> Bool { values[name] != nil }
        func list(_ names: [String]) -> String { names.map(rename).joined(separator: ", ") }
        func combination(_ parameter: String, _ rule: String) -> ValidationIssue {
            ValidationIssue(parameter: parameter, rule: rule, kind: .combination)
        }
        switch self {
        case .exactlyOne(let names):
            let present = names.filter(given)
            if present.count == 1 { return nil }
            return combination(list(names), present.isEmpty
                ? "one of these is required" : "are mutually exclusive: give exactly one (got \(list(present)))")
        case .atLeastOne(let names):
            return names.contains(where: given) ? nil : combination(list(names), "at least one of these is required")
        case .atMostOne(let names):
            let present = names.filter(given)
            return present.count <= 1 ? nil : combination(list(present), "are mutually exclusive: give at most one")
        case .requires(let name, let others):
            guard given(name) else { return nil }
            let missing = others.filter { !given($0) }
            return missing.isEmpty ? nil : combination(rename(name), "needs \(list(missing)) as well")
        case .select(let select):
            return select.disagreement(values: values, rename: rename).map { combination(rename(select.name), $0) }
        }
    }
}
