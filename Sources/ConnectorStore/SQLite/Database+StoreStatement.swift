import GRDB

/// Runs the store's shared statements on a GRDB connection.
extension Database {
    /// The rows `statement` answers. Its SQL is compiled once per connection (GRDB's statement
    /// cache): every webhook runs the same few statements.
    func records(_ statement: StoreStatement) throws -> [StoreRecord] {
        try Row.fetchAll(try cachedStatement(sql: statement.sql), arguments: Self.arguments(statement)).map { row in
            var values: [String: StoreValue] = [:]
            for (column, value) in row {
                values[column] = switch value.storage {
                case .int64(let integer): .integer(integer)
                case .string(let text): .text(text)
                case .double(let double): .integer(Int64(double))
                case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                case .null: .null
                }
            }
            return StoreRecord(values)
        }
    }

    /// The first row `statement` answers.
    func record(_ statement: StoreStatement) throws -> StoreRecord? {
        try records(statement).first
    }

    /// Runs statements that answer nothing (or whose rows are not needed).
    func run(_ statements: [StoreStatement]) throws {
        for statement in statements { _ = try records(statement) }
    }

    /// Built from existentials rather than `DatabaseValue`s: GRDB's initialiser for a sequence of
    /// one concrete type maps it with a key path, instantiated at run time on every call.
    private static func arguments(_ statement: StoreStatement) -> StatementArguments {
        StatementArguments(statement.arguments.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .integer(let integer): integer
            case .text(let text): text
            case .null: nil
            }
        })
    }
}
