import Synchronization

/// A value made once, on first use, then shared: what the server can build when first asked for
/// (its OpenAPI document, its catalogues of actions and triggers, its MCP tools) rather than
/// before it listens, and must not build again for every request.
final class Deferred<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let made = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, made by the first caller (the others wait for it).
    var value: Value {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
