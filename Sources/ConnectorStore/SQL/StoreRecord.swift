import Foundation
import TwilioKit

/// One row read by either backend, by column name, with typed reads that fail as ``StoreError``.
struct StoreRecord: Sendable {
    let values: [String: StoreValue]

    init(_ values: [String: StoreValue]) {
        self.values = values
    }

    /// A text column that must not be NULL.
    func text(_ column: String) throws(StoreError) -> String {
        guard let value = try optionalText(column) else { throw Self.missing(column) }
        return value
    }

    /// A text column.
    func optionalText(_ column: String) throws(StoreError) -> String? {
        switch values[column] {
        case .text(let text)?: text
        case .null?: nil
        case .integer(let integer)?: String(integer)
        case nil: throw Self.missing(column)
        }
    }

    /// An integer column that must not be NULL.
    func integer(_ column: String) throws(StoreError) -> Int64 {
        guard let value = try optionalInteger(column) else { throw Self.missing(column) }
        return value
    }

    /// An integer column.
    func optionalInteger(_ column: String) throws(StoreError) -> Int64? {
        switch values[column] {
        case .integer(let integer)?: return integer
        case .null?: return nil
        case .text(let text)?:
            guard let integer = Int64(text) else { throw StoreError("column \(column) holds '\(text)', not an integer") }
            return integer
        case nil: throw Self.missing(column)
        }
    }

    /// An integer column read as `Int`.
    func int(_ column: String) throws(StoreError) -> Int {
        Int(try integer(column))
    }

    /// A time column (milliseconds) that must not be NULL.
    func date(_ column: String) throws(StoreError) -> Date {
        Date(storeMilliseconds: try integer(column))
    }

    /// A time column (milliseconds).
    func optionalDate(_ column: String) throws(StoreError) -> Date? {
        try optionalInteger(column).map(Date.init(storeMilliseconds:))
    }

    /// A JSON text column.
    func json(_ column: String) throws(StoreError) -> JSONValue {
        let text = try text(column)
        do { return try JSONParser.parse(text) } catch { throw StoreError("column \(column) holds unreadable JSON: \(error)") }
    }

    private static func missing(_ column: String) -> StoreError {
        StoreError("column \(column) is missing or NULL")
    }
}
