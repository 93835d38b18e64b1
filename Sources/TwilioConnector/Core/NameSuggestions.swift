/// The names closest to one that was mistyped, for "did you mean …?".
enum NameSuggestions {
    /// Up to `count` of `names` closest to `given` (ignoring case, `_`, `-` and a `twilio/v1/`
    /// prefix), close enough to be what was meant.
    static func closest(to given: String, in names: [String], count: Int = 3) -> [String] {
        let target = normalised(given)
        guard !target.isEmpty else { return [] }
        let scored = names.map { (name: $0, distance: distance(target, normalised($0))) }
            .filter { $0.distance <= max(2, target.count / 3) || normalised($0.name).contains(target) }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
        var seen = Set<String>()
        return scored.map(\.name).filter { seen.insert($0).inserted }.prefix(count).map { $0 }
    }

    /// "Unknown X 'given'." with the closest names and where the full list is.
    static func unknown(_ kind: String, _ given: String, in names: [String], listedBy list: String) -> String {
        let suggestions = closest(to: given, in: names)
        let hint = suggestions.isEmpty ? "" : " Did you mean \(suggestions.joined(separator: " or "))?"
        return "Unknown \(kind) '\(given)'.\(hint) \(list) lists them."
    }

    private static func normalised(_ name: String) -> [Character] {
        let bare = name.hasPrefix(ComponentDialect.typePrefix) ? String(name.dropFirst(ComponentDialect.typePrefix.count)) : name
        return Array(bare.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// The Levenshtein distance between two strings.
    private static func distance(_ first: [Character], _ second: [Character]) -> Int {
        guard !first.isEmpty else { return second.count }
        var previous = Array(0...second.count)
        for (row, character) in first.enumerated() {
            var current = [row + 1]
            for (column, other) in second.enumerated() {
                current.append(min(previous[column + 1] + 1, current[column] + 1, previous[column] + (character == other ? 0 : 1)))
            }
            previous = current
        }
        return previous[second.count]
    }
}
