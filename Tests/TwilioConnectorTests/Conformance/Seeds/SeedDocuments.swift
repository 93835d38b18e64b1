import Foundation
import TwilioKit

/// The seed documents copied into the test resources (`Resources/seeds`), each read by the parser
/// of its kind: every `.txt` there becomes entries, so a new seed adds cases without new code.
enum SeedDocuments {
    /// Every entry of every seed, in the documents' order.
    static let entries: [SeedEntry] = files.flatMap { parse(name: $0.name, text: $0.text) }

    /// The entries of one dialect.
    static func entries(_ dialect: SeedDialect, _ kind: SeedEntry.Kind = .action) -> [SeedEntry] {
        entries.filter { $0.dialect == dialect && $0.kind == kind }
    }

    /// The seed files by name, in order.
    static let files: [(name: String, text: String)] = {
        guard let folder = Bundle.module.url(forResource: "seeds", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { (name: name, text: $0) }
        }
    }()

    /// The entries of one document, by the kind of document it is.
    static func parse(name: String, text: String) -> [SeedEntry] {
        if text.contains("\"$defs\"") || text.contains(" — ") { return ToolkitSeedParser.parse(seed: name, text: text) }
        if text.contains("| Parameter | Type | Required |") { return BlockSeedParser.parse(seed: name, text: text) }
        return ComponentSeedParser.parse(seed: name, text: text)
    }

    /// The JSON object that starts on the first line from `index` beginning with `{`, read to its
    /// closing brace; with the index of the line after it.
    static func json(from index: Int, in lines: [String]) -> (value: JSONValue, end: Int)? {
        guard let start = lines[index...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("{") }) else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        for line in start..<lines.count {
            for character in lines[line] {
                if escaped { escaped = false; continue }
                switch character {
                case "\\" where inString: escaped = true
                case "\"": inString.toggle()
                case "{" where !inString: depth += 1
                case "}" where !inString: depth -= 1
                default: break
                }
            }
            if depth == 0 {
                let text = lines[start...line].joined(separator: "\n")
                return (try? JSONParser.parse(text)).map { ($0, line + 1) }
            }
        }
        return nil
    }
}
