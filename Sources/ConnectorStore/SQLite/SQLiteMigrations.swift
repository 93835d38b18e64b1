import GRDB

/// The SQLite schema: ``StoreSchema``'s migrations, each run once per file, in order.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in StoreSchema.migrations {
            migrator.registerMigration(migration.name) { database in
                for statement in migration.statements(in: .sqlite) { try database.execute(sql: statement) }
            }
        }
        return migrator
    }
}
