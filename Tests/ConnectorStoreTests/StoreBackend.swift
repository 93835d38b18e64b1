import ConnectorStore
import Foundation
import Testing

/// A database the store suite runs against: SQLite always; PostgreSQL when
/// `CONNECTOR_TEST_POSTGRES_URL` names a server (`scripts/with-postgres` starts one), each test in
/// a schema of its own.
enum StoreBackend: Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres(url: String)

    /// The variable naming the PostgreSQL server of the tests.
    static let postgresVariable = "CONNECTOR_TEST_POSTGRES_URL"

    /// The backends this run can reach.
    static var available: [StoreBackend] {
        [.sqlite] + (postgresURL.map { [.postgres(url: $0)] } ?? [])
    }

    /// The PostgreSQL server of the tests, if one is configured.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment[postgresVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// Whether a change made through one connection wakes the waiters of another.
    var signalsAcrossConnections: Bool {
        if case .postgres = self { true } else { false }
    }

    /// A new, empty store.
    func makeStore() async throws -> any ConnectorStore {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try SQLiteStore(path: folder.appendingPathComponent("connector.sqlite").path)
        case .postgres(let url):
            let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(20).lowercased()
            return try await PostgresStore.open(url: url + (url.contains("?") ? "&" : "?") + "schema=" + schema)
        }
    }

    /// A second connection to the database behind `store`, as another instance would open it.
    func reopen(_ store: any ConnectorStore) async throws -> any ConnectorStore {
        switch self {
        case .sqlite:
            guard let sqlite = store as? SQLiteStore else { throw StoreError("not a SQLite store") }
            return try SQLiteStore(path: sqlite.path)
        case .postgres(let url):
            guard let postgres = store as? PostgresStore else { throw StoreError("not a PostgreSQL store") }
            return try await PostgresStore.open(url: url + (url.contains("?") ? "&" : "?") + "schema=" + postgres.location.schema)
        }
    }

    /// Whether `changes` signals `kind` within five seconds (other signals may come first: a
    /// signal only says "read again").
    static func signal(_ kind: StoreChange, on changes: AsyncStream<StoreChange>) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await change in changes where change == kind { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(5))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
