/// The store's schema, versioned and the same on both backends: each migration runs once per
/// database, in order, and only the column types differ (``SQLDialect``).
enum StoreSchema {
    /// A named step of the schema.
    struct Migration: Sendable {
        /// Its name, recorded once applied.
        let name: String
        /// Its statements, with `{integer}` and `{sequence}` standing for the dialect's types.
        let template: String

        /// The statements in `dialect`, one per element.
        func statements(in dialect: SQLDialect) -> [String] {
            template.replacingOccurrences(of: "{integer}", with: dialect.integerType)
                .replacingOccurrences(of: "{sequence}", with: dialect.sequenceColumn)
                .split(separator: ";")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
        }
    }

    /// Every migration, oldest first.
    static let migrations: [Migration] = [
        Migration(name: "1-events-subscriptions-deliveries", template: """
            CREATE TABLE events (
                sequence {sequence},
                id TEXT NOT NULL UNIQUE,
                trigger TEXT NOT NULL,
                received_at {integer} NOT NULL,
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
                created_at {integer} NOT NULL,
                cursor {integer} NOT NULL);
            CREATE TABLE deliveries (
                id TEXT PRIMARY KEY,
                subscription_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                event_sequence {integer} NOT NULL,
                status TEXT NOT NULL,
                attempts {integer} NOT NULL,
                next_attempt_at {integer},
                lease_owner TEXT,
                lease_expires_at {integer},
                last_attempt TEXT,
                created_at {integer} NOT NULL,
                UNIQUE (subscription_id, event_id));
            CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at)
            """),
        Migration(name: "2-bulk-jobs", template: """
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                parameters TEXT NOT NULL,
                chunk_size {integer} NOT NULL,
                created_at {integer} NOT NULL,
                updated_at {integer} NOT NULL);
            CREATE INDEX jobs_by_status ON jobs (status, created_at);
            CREATE TABLE job_chunks (
                job_id TEXT NOT NULL,
                chunk {integer} NOT NULL,
                done {integer} NOT NULL,
                lease_owner TEXT,
                lease_expires_at {integer},
                PRIMARY KEY (job_id, chunk));
            CREATE TABLE job_recipients (
                job_id TEXT NOT NULL,
                position {integer} NOT NULL,
                chunk {integer} NOT NULL,
                given TEXT NOT NULL,
                recipient TEXT,
                state TEXT NOT NULL,
                attempts {integer} NOT NULL,
                sending_at {integer},
                message_sid TEXT,
                sender TEXT,
                message_status TEXT,
                error TEXT,
                error_code {integer},
                updated_at {integer} NOT NULL,
                PRIMARY KEY (job_id, position));
            CREATE INDEX job_recipients_by_chunk ON job_recipients (job_id, chunk, state)
            """),
        Migration(name: "3-registrations", template: """
            CREATE TABLE registrations (
                id TEXT PRIMARY KEY,
                trigger TEXT NOT NULL,
                kind TEXT NOT NULL,
                slot TEXT NOT NULL UNIQUE,
                resource_sid TEXT NOT NULL,
                phone_number TEXT,
                field TEXT NOT NULL,
                url TEXT NOT NULL,
                previous TEXT NOT NULL,
                applied TEXT NOT NULL,
                created_at {integer} NOT NULL);
            CREATE TABLE sink_tests (
                position {sequence},
                test_id TEXT NOT NULL UNIQUE,
                received_at {integer} NOT NULL)
            """),
    ]
}
