import Foundation

/// Calls `read` until `predicate` holds for its value (every 10 ms, up to `timeout`); the value.
func eventually<Value: Sendable>(timeout: Duration = .seconds(10), _ what: String = "the condition",
                                 _ read: () async throws -> Value, until predicate: (Value) -> Bool) async throws -> Value {
    let deadline = ContinuousClock.now + timeout
    while true {
        let value = try await read()
        if predicate(value) { return value }
        guard ContinuousClock.now < deadline else { throw WaitTimeout(what: what, last: "\(value)") }
        try await Task.sleep(for: .milliseconds(10))
    }
}

/// A wait that ran out.
struct WaitTimeout: Error, CustomStringConvertible {
    let what: String
    let last: String
    var description: String { "\(what) did not happen in time; last seen: \(last.prefix(500))" }
}
