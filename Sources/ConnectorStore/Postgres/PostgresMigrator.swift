import Foundation
import Logging
import PostgresNIO

/// Brings a PostgreSQL schema up to date with ``StoreSchema``: creates the schema when missing and
/// applies each migration not yet recorded in `connector_migrations`, in one transaction under an
/// advisory lock, so that instances starting together migrate once.
struct PostgresMigrator {
    let location: PostgresLocation
    let logger: Logger

    func migrate() async throws(StoreError) {
        do {
            let connection = try await PostgresConnection.connect(configuration: try PostgresStore.connectionConfiguration(location),
                                                                  id: 0, logger: logger)
            do {
                try await apply(on: connection)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        } catch {
            throw PostgresStore.failure("preparing the store", error, location)
        }
    }

    private func apply(on connection: PostgresConnection) async throws {
        let (logger, location) = (logger, location)
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.run([
                StoreStatement("SELECT pg_advisory_xact_lock(?)", [.integer(PostgresStore.lockKey("migrations", location))]),
                StoreStatement("CREATE SCHEMA IF NOT EXISTS \"\(location.schema)\""),
                StoreStatement("CREATE TABLE IF NOT EXISTS connector_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"),
            ], logger: logger)
            let applied = Set(try await connection.records(StoreStatement("SELECT name FROM connector_migrations"), logger: logger)
                .map { try $0.text("name") })
            for migration in StoreSchema.migrations where !applied.contains(migration.name) {
                try await connection.run(migration.statements(in: .postgres).map { StoreStatement($0) }, logger: logger)
                try await connection.run([StoreStatement("INSERT INTO connector_migrations (name, applied_at) VALUES (?, ?)",
                                                         [.text(migration.name), StoreValue(Date())])], logger: logger)
            }
        }
    }
}
