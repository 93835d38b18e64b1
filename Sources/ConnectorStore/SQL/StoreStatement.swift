/// One SQL statement and its arguments, written once for both backends with `?` placeholders
/// (PostgreSQL's `$1, $2, …` are derived from them).
struct StoreStatement: Sendable {
    let sql: String
    let arguments: [StoreValue]

    init(_ sql: String, _ arguments: [StoreValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The SQL with numbered placeholders (`$1`, `$2`, …) instead of `?`. The store's SQL never has
    /// a `?` inside a literal: values are always bound.
    var numberedSQL: String {
        var result = ""
        var number = 0
        for character in sql {
            if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `(?, ?, …)` for `count` values.
    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
    }
}
