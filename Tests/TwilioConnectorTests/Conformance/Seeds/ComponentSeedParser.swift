import Foundation
import TwilioKit

/// Reads a component seed (002 plain text, 003 Markdown, 004 the reference layout): its actions and
/// triggers with their property tables, example JSON structures and output tables.
enum ComponentSeedParser {
    /// The sections of a component document.
    private enum Section {
        case preamble
        case actions
        case triggers
    }

    /// An entry being read.
    private struct Draft {
        let kind: SeedEntry.Kind
        let title: String
        var name: String?
        var inOutput = false
        var parameters: [SeedEntry.Parameter] = []
        var example: JSONValue?
        var outputs: [SeedEntry.OutputField] = []
        var dynamicOutput = false
        var unreadable: [String] = []
    }

    static func parse(seed: String, text: String) -> [SeedEntry] {
        let lines = splitGluedLines(text)
        var entries: [SeedEntry] = []
        var section = Section.preamble
        var draft: Draft?
        func finish() {
            if let done = draft {
                entries.append(SeedEntry(seed: seed, dialect: .component, kind: done.kind, name: done.name, title: done.title,
                                         parameters: done.parameters, example: done.example, outputs: done.outputs,
                                         dynamicOutput: done.dynamicOutput, responseSchema: nil, unreadable: done.unreadable))
            }
            draft = nil
        }
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            let bare = String(line.drop { $0 == "#" || $0 == " " })
            switch bare {
            case "Actions", "Triggers", "Connections", "Reference":
                finish()
                section = bare == "Actions" ? .actions : bare == "Triggers" ? .triggers : .preamble
                index += 1
                continue
            default:
                break
            }
            if bare.hasPrefix("What to do if") { finish(); section = .preamble }
            guard section != .preamble else { index += 1; continue }
            if bare == "Output" {
                draft?.inOutput = true
            } else if bare == "Example JSON Structure" || bare == "JSON Example" || bare == "Output Example" {
                if let found = SeedDocuments.json(from: index + 1, in: lines) {
                    if bare != "Output Example" { draft?.example = found.value }
                    index = found.end
                    continue
                }
            } else if line.hasPrefix("Name: ") {
                draft?.name = String(line.dropFirst("Name: ".count)).trimmingCharacters(in: .whitespaces)
            } else if line.contains("output for this action is dynamic") {
                draft?.dynamicOutput = true
            } else if SeedTable.startsAt(index, in: lines) {
                let (table, end) = SeedTable.read(at: index, in: lines)
                if var current = draft { read(table, into: &current); draft = current }
                index = end
                continue
            } else if isTitle(index, in: lines), !bare.isEmpty, bare != "Properties" {
                finish()
                draft = Draft(kind: section == .triggers ? .trigger : .action, title: bare)
            }
            index += 1
        }
        finish()
        return entries
    }

    /// A property table (before the output) or an output table.
    private static func read(_ table: SeedTable, into draft: inout Draft) {
        let named = table.columns.contains("Label")
        for row in table.rows {
            let cell = row["Type"] ?? ""
            let type = SeedType.parse(cell)
            if type == nil { draft.unreadable.append(cell) }
            if draft.inOutput {
                draft.outputs.append(.init(name: table.columns.contains("Name") ? row["Name"] : nil, type: type ?? .json))
            } else {
                let label = (named ? row["Label"] : row["Name"]) ?? ""
                let name = named ? row["Name"] ?? "" : TwilioFieldNames.name(forLabel: label)
                draft.parameters.append(.init(name: name, label: label, type: type ?? .json, required: row["Required"].map { $0 == "true" }))
            }
        }
    }

    /// An entry's title: `### Title`, or a line followed by `Name: …`.
    private static func isTitle(_ index: Int, in lines: [String]) -> Bool {
        if lines[index].hasPrefix("### ") { return true }
        let next = lines[(index + 1)...].first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return next?.hasPrefix("Name: ") == true
    }

    /// The lines of `text`, where a JSON block's closing brace glued to the next heading
    /// (`}Output`, as the plain-text seed has it) is split from it.
    private static func splitGluedLines(_ text: String) -> [String] {
        text.components(separatedBy: "\n").flatMap { line -> [String] in
            guard line.hasPrefix("}"), let second = line.dropFirst().first, second.isLetter else { return [line] }
            return ["}", String(line.dropFirst())]
        }
    }
}
