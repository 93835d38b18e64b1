import TwilioConnector
import TwilioKit

/// Finds the connector's action for a seed entry: by its documented name (`sendSMS`,
/// `send_message`), by its title where the seed gives no name (004's `Send SMS`), and, for the
/// block seed, which names none, by the one assignment of documented blocks to the connector's
/// blocks in which each block takes every parameter and answers every output its tables list.
enum SeedActionResolver {
    static let connector = Connector(configuration: nil)

    /// The connector's action for `entry`, or `nil` when it has none.
    static func action(for entry: SeedEntry) -> ActionDescription? {
        switch entry.dialect {
        case .component:
            if let name = entry.name { return connector.describe("twilio/v1/" + name) }
            return connector.actions(in: .component).first { $0.title == entry.title }
        case .toolkit:
            return entry.name.flatMap(connector.describe)
        case .block:
            return blockAssignment[entry.testDescription].flatMap(connector.describe)
        }
    }

    /// The connector's blocks that could be `entry`: they take its parameters and answer its outputs.
    static func candidates(for entry: SeedEntry) -> [ActionDescription] {
        connector.actions(in: .block).filter { action in
            let inputs = Set(action.inputSchema.objectFields?["properties"]?.objectFields?.keys.map { $0 } ?? [])
            let outputs = Set(action.outputSchema.objectFields?["properties"]?.objectFields?.keys.map { $0 } ?? [])
            return entry.parameters.allSatisfy { inputs.contains($0.name) } && entry.outputs.allSatisfy { outputs.contains($0.name ?? "") }
        }
    }

    /// Each documented block (by test description) → its connector block: one block each.
    static let blockAssignment: [String: String] = {
        let entries = SeedDocuments.entries(.block)
        let options = entries.map { candidates(for: $0).map(\.name) }
        func assign(_ index: Int, _ taken: Set<String>) -> [String]? {
            guard index < entries.count else { return [] }
            for name in options[index] where !taken.contains(name) {
                if let rest = assign(index + 1, taken.union([name])) { return [name] + rest }
            }
            return nil
        }
        guard let names = assign(0, []) else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(entries.map(\.testDescription), names))
    }()
}
