import ConnectorStore
import Foundation
import Testing

/// A database the store suite runs against: SQLite always; more backends join when their test
/// server is configured.
enum StoreBackend: Sendable, CustomTestStringConvertible {
    case sqlite

    /// The backends this run can reach.
    static var available: [StoreBackend] { [.sqlite] }

    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        }
    }

    /// A new, empty store.
    func makeStore() async throws -> any ConnectorStore {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try SQLiteStore(path: folder.appendingPathComponent("connector.sqlite").path)
        }
    }

    /// A second connection to the database behind `store`, as another instance would open it.
    func reopen(_ store: any ConnectorStore) async throws -> any ConnectorStore {
        switch self {
        case .sqlite:
            guard let sqlite = store as? SQLiteStore else { throw StoreError("not a SQLite store") }
            return try SQLiteStore(path: sqlite.path)
        }
    }
}
