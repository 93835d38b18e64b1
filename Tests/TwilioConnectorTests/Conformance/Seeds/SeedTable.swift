import Foundation

/// A table of a seed document (`| Name | Type | … |` with a `|---|` line under its header, rows
/// with or without their leading `|`): its rows keyed by the header's column names.
struct SeedTable: Sendable {
    /// The column names.
    let columns: [String]
    /// Each row's cells by column name.
    let rows: [[String: String]]

    /// Whether `lines[index]` is a table's header (the next line is its `|---|` separator).
    static func startsAt(_ index: Int, in lines: [String]) -> Bool {
        index + 1 < lines.count && lines[index].contains("|") && isSeparator(lines[index + 1])
    }

    /// Reads the table whose header is `lines[index]`; `end` is the index of the first line after it.
    static func read(at index: Int, in lines: [String]) -> (table: SeedTable, end: Int) {
        let columns = cells(lines[index])
        var rows: [[String: String]] = []
        var line = index + 2
        while line < lines.count, lines[line].contains("|"), !startsAt(line, in: lines) {
            let values = cells(lines[line])
            rows.append(Dictionary(zip(columns, values).map { ($0, $1) }, uniquingKeysWith: { first, _ in first }))
            line += 1
        }
        return (SeedTable(columns: columns, rows: rows), line)
    }

    private static func isSeparator(_ line: String) -> Bool {
        line.contains("-") && line.allSatisfy { "|-: ".contains($0) }
    }

    private static func cells(_ line: String) -> [String] {
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("|"), !cells.isEmpty { cells.removeFirst() }
        if trimmed.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
        return cells
    }
}
