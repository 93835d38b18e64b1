import Foundation

/// Reads the toolkit seed (001): each action's `name — description` line and its response's JSON
/// Schema. The seed lists no parameters (its parameter sections are empty).
enum ToolkitSeedParser {
    static func parse(seed: String, text: String) -> [SeedEntry] {
        let lines = text.components(separatedBy: "\n")
        var entries: [SeedEntry] = []
        var current: (name: String, title: String)?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if let dash = line.range(of: " — "), line[..<dash.lowerBound].allSatisfy({ $0.isLowercase || $0 == "_" }) {
                current = (String(line[..<dash.lowerBound]), String(line[dash.upperBound...]))
            } else if line.hasSuffix("Response"), let action = current, let found = SeedDocuments.json(from: index + 1, in: lines) {
                entries.append(SeedEntry(seed: seed, dialect: .toolkit, kind: .action, name: action.name, title: action.title,
                                         parameters: [], example: nil, outputs: [], dynamicOutput: false, responseSchema: found.value,
                                         unreadable: []))
                current = nil
                index = found.end
                continue
            }
            index += 1
        }
        return entries
    }
}
