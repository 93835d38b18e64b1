/// Reads the block seed (000): pairs of tables, the block's parameters (Parameter, Type, Required,
/// Description) then its outputs (Parameter, Type, Description). The seed names no block; each is
/// titled by what its `success` output says.
enum BlockSeedParser {
    static func parse(seed: String, text: String) -> [SeedEntry] {
        let lines = text.components(separatedBy: "\n")
        var blocks: [(parameters: SeedTable, outputs: SeedTable?)] = []
        var index = 0
        while index < lines.count {
            guard SeedTable.startsAt(index, in: lines) else { index += 1; continue }
            let (table, end) = SeedTable.read(at: index, in: lines)
            if table.columns.contains("Required") {
                blocks.append((table, nil))
            } else if let last = blocks.indices.last {
                blocks[last].outputs = table
            }
            index = end
        }
        return blocks.enumerated().map { number, block -> SeedEntry in
            var unreadable: [String] = []
            func type(_ row: [String: String]) -> SeedType {
                let cell = row["Type"] ?? ""
                if let type = SeedType.parse(cell) { return type }
                unreadable.append(cell)
                return .json
            }
            let parameters = block.parameters.rows.map { row in
                SeedEntry.Parameter(name: row["Parameter"] ?? "", label: row["Parameter"] ?? "", type: type(row),
                                    required: row["Required"].map { $0 == "Yes" })
            }
            let outputRows = block.outputs?.rows ?? []
            let outputs = outputRows.map { SeedEntry.OutputField(name: $0["Parameter"], type: type($0)) }
            let summary = outputRows.first { $0["Parameter"] == "success" }?["Description"] ?? ""
            return SeedEntry(seed: seed, dialect: .block, kind: .action, name: nil, title: "block \(number + 1) (\(summary))",
                             parameters: parameters, example: nil, outputs: outputs, dynamicOutput: false, responseSchema: nil,
                             unreadable: unreadable)
        }
    }
}
