import ConnectorStore
import Foundation

/// The stores bulk jobs are tested on: SQLite always, PostgreSQL when `CONNECTOR_TEST_POSTGRES_URL`
/// names a server (each test in a schema of its own).
enum JobStores {
    static var available: [String] {
        ["sqlite"] + (ProcessInfo.processInfo.environment["CONNECTOR_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : ["postgres"] } ?? [])
    }

    /// A new, empty store of `kind`.
    static func make(_ kind: String) async throws -> any ConnectorStore {
        let unique = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(20).lowercased()
        if kind == "postgres", let url = ProcessInfo.processInfo.environment["CONNECTOR_TEST_POSTGRES_URL"] {
            return try await PostgresStore.open(url: url + (url.contains("?") ? "&" : "?") + "schema=jobs_" + unique)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("job-tests-\(unique)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try SQLiteStore(path: folder.appendingPathComponent("connector.sqlite").path)
    }
}
