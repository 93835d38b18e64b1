import Foundation

/// A value bound to, or read from, a column: every column of the store is an integer, a text or
/// NULL (times are milliseconds since 1970, structured values JSON text), so both backends carry
/// the same values.
enum StoreValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case null

    /// A text, or NULL.
    init(_ text: String?) {
        self = text.map(StoreValue.text) ?? .null
    }

    /// An integer, or NULL.
    init(_ integer: Int?) {
        self = integer.map { .integer(Int64($0)) } ?? .null
    }

    /// A time in milliseconds, or NULL.
    init(_ date: Date?) {
        self = date.map { .integer($0.storeMilliseconds) } ?? .null
    }
}

extension StoreValue: ExpressibleByIntegerLiteral {
    init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}
