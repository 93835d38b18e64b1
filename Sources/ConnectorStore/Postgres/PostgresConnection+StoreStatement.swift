import PostgresNIO

/// Runs the store's shared statements on a PostgreSQL connection.
extension PostgresConnection {
    /// The rows `statement` answers.
    func records(_ statement: StoreStatement, logger: Logger) async throws -> [StoreRecord] {
        var records: [StoreRecord] = []
        for try await row in try await query(Self.query(statement), logger: logger) {
            var values: [String: StoreValue] = [:]
            for cell in row { values[cell.columnName] = try StoreValue(cell) }
            records.append(StoreRecord(values))
        }
        return records
    }

    /// The first row `statement` answers.
    func record(_ statement: StoreStatement, logger: Logger) async throws -> StoreRecord? {
        try await records(statement, logger: logger).first
    }

    /// Runs statements whose rows, if any, are not read (functions answering `void` included).
    func run(_ statements: [StoreStatement], logger: Logger) async throws {
        for statement in statements {
            for try await _ in try await query(Self.query(statement), logger: logger) {}
        }
    }

    private static func query(_ statement: StoreStatement) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: statement.arguments.count)
        for argument in statement.arguments {
            switch argument {
            case .integer(let integer): bindings.append(integer)
            case .text(let text): bindings.append(text)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: statement.numberedSQL, binds: bindings)
    }
}

extension StoreValue {
    /// The value of a cell: integers as integers, NULL as NULL, anything else as its text.
    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        default: self = .text(try cell.decode(String.self))
        }
    }
}
