import GRDB

/// The SQLite schema, versioned: each migration runs once per file, in order.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-events-subscriptions-deliveries") { database in
            try database.execute(sql: """
                CREATE TABLE events (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    trigger TEXT NOT NULL,
                    received_at INTEGER NOT NULL,
                    data TEXT NOT NULL,
                    dedupe_key TEXT UNIQUE);
                CREATE INDEX events_by_trigger ON events (trigger, sequence);
                CREATE TABLE subscriptions (
                    id TEXT PRIMARY KEY,
                    trigger TEXT NOT NULL,
                    url TEXT NOT NULL,
                    filter TEXT NOT NULL,
                    dialect TEXT NOT NULL,
                    secret TEXT NOT NULL,
                    retry_schedule TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    cursor INTEGER NOT NULL);
                CREATE TABLE deliveries (
                    id TEXT PRIMARY KEY,
                    subscription_id TEXT NOT NULL,
                    event_id TEXT NOT NULL,
                    event_sequence INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    next_attempt_at INTEGER,
                    lease_owner TEXT,
                    lease_expires_at INTEGER,
                    last_attempt TEXT,
                    created_at INTEGER NOT NULL,
                    UNIQUE (subscription_id, event_id));
                CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
                """)
        }
        return migrator
    }
}
