/// Where the two backends' SQL differs. Everything else — tables, columns, statements — is
/// written once (``StoreSQL``, ``StoreSchema``).
enum SQLDialect: Sendable {
    /// SQLite: one writer at a time, so selecting rows to claim needs no row locks.
    case sqlite
    /// PostgreSQL: concurrent writers; rows being claimed are locked, and rows another
    /// transaction is claiming are skipped.
    case postgres

    /// Appended to a `SELECT` of rows about to be claimed (leases, cursors): PostgreSQL locks them
    /// and skips those locked by another transaction.
    var lockingSkipLocked: String {
        switch self {
        case .sqlite: ""
        case .postgres: " FOR UPDATE SKIP LOCKED"
        }
    }

    /// A 64-bit integer column.
    var integerType: String {
        switch self {
        case .sqlite: "INTEGER"
        case .postgres: "BIGINT"
        }
    }

    /// The event log's position column: increasing, assigned on insert.
    var sequenceColumn: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgres: "BIGSERIAL PRIMARY KEY"
        }
    }
}
