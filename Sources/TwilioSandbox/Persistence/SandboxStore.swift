import Foundation
import GRDB
import Logging

/// The sandbox's state file (`--state FILE`): SQLite, one row per resource (its kind, SID and
/// JSON), written through on every change so a restart finds everything the API created. Rows
/// keep the order they were first written in, which is the order the API lists them in.
final class SandboxStore: Sendable {
    private let database: DatabaseQueue
    private let logger: Logger
    private let path: String
    private let encoder = JSONEncoder()
    /// Whether the file was created by this run (the demo content is seeded only then).
    let isNew: Bool

    /// Opens (or creates) the state file at `path`; a file that cannot be opened stops the start
    /// with a ``SandboxStartError`` naming it.
    init(path: String, logger: Logger) throws {
        do {
            (database, isNew) = try Self.open(path)
        } catch {
            throw SandboxStartError(reason: "the state file \(path) cannot be used: \(error)")
        }
        self.path = path
        self.logger = logger
    }

    /// Opens (or creates) the database at `path` with its `records` table; whether this run created it.
    private static func open(_ path: String) throws -> (DatabaseQueue, isNew: Bool) {
        var configuration = Configuration()
        configuration.prepareDatabase { database in
            try database.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { database in
            try database.execute(sql: "PRAGMA journal_mode = WAL")
        }
        let isNew = try queue.write { database in
            let existed = try database.tableExists("records")
            try database.execute(sql: """
                CREATE TABLE IF NOT EXISTS records (
                    kind TEXT NOT NULL,
                    sid TEXT NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (kind, sid))
                """)
            return !existed
        }
        return (queue, isNew)
    }

    /// Every stored record of `type`, in the order they were first written.
    func load<Record: StoredRecord>(_ type: Record.Type) throws -> [Record] {
        let decoder = JSONDecoder()
        do {
            return try database.read { database in
                try Data.fetchAll(database, sql: "SELECT body FROM records WHERE kind = ? ORDER BY rowid", arguments: [Record.kind])
                    .map { try decoder.decode(Record.self, from: $0) }
            }
        } catch {
            throw SandboxStartError(reason: "the state file \(path) holds a \(Record.kind) the sandbox cannot read: \(error)")
        }
    }

    /// Writes `record`, replacing the stored one with its SID (which keeps its place in the order).
    func save<Record: StoredRecord>(_ record: Record) {
        write("save \(Record.kind) \(record.sid)") { database in
            try database.execute(sql: """
                INSERT INTO records (kind, sid, body) VALUES (?, ?, ?)
                ON CONFLICT (kind, sid) DO UPDATE SET body = excluded.body
                """, arguments: [Record.kind, record.sid, try encoder.encode(record)])
        }
    }

    /// Removes the record `sid` of `type`.
    func delete<Record: StoredRecord>(_ type: Record.Type, sid: String) {
        write("delete \(Record.kind) \(sid)") { database in
            try database.execute(sql: "DELETE FROM records WHERE kind = ? AND sid = ?", arguments: [Record.kind, sid])
        }
    }

    /// The state lives on in memory when the file cannot be written (a full disk): the failure is
    /// logged, and the API answers as it would have.
    private func write(_ what: String, _ change: (Database) throws -> Void) {
        do {
            try database.write(change)
        } catch {
            logger.error("The sandbox could not write its state file", metadata: ["change": "\(what)", "error": "\(error)"])
        }
    }
}
