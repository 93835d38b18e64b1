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

    /// The issue when `given` (the names present) breaks the rule.
    func issue(given: Set<String>, rename: (String) -> String) -> ValidationIssue? {
        func list(_ names: [String]) -> String { names.map(rename).joined(separator: ", ") }
        switch self {
        case .exactlyOne(let names):
            let present = names.filter(given.contains)
            if present.count == 1 { return nil }
            return ValidationIssue(parameter: list(names), rule: present.isEmpty
                ? "one of these is required" : "are mutually exclusive: give exactly one (got \(list(present)))")
        case .atLeastOne(let names):
            return names.contains(where: given.contains) ? nil : ValidationIssue(parameter: list(names), rule: "at least one of these is required")
        case .atMostOne(let names):
            let present = names.filter(given.contains)
            return present.count <= 1 ? nil : ValidationIssue(parameter: list(present), rule: "are mutually exclusive: give at most one")
        case .requires(let name, let others):
            guard given.contains(name) else { return nil }
            let missing = others.filter { !given.contains($0) }
            return missing.isEmpty ? nil : ValidationIssue(parameter: rename(name), rule: "needs \(list(missing)) as well")
        }
    }
}
