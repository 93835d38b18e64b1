import Hummingbird
import NIOCore

/// A test's Hummingbird application running on a free port of 127.0.0.1 until stopped.
struct LocalServer: Sendable {
    let port: Int
    private let task: Task<Void, any Error>

    /// Builds the application with `makeApplication`, which must listen on the address and call
    /// the `onServerRunning` it is given, and runs it.
    static func start<App: ApplicationProtocol>(
        _ makeApplication: (_ address: BindAddress, _ onServerRunning: @escaping @Sendable (any Channel) async -> Void) -> App
    ) async -> LocalServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = makeApplication(.hostname("127.0.0.1", port: 0)) { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        }
        let task = Task { try await application.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        return LocalServer(port: await iterator.next() ?? 0, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// Reads `read()` until `predicate` holds (for up to `timeout`); otherwise throws a
/// ``WaitTimeout`` that shows the last value through `describe`.
func waitUntil<Value>(timeout: Duration, every interval: Duration, _ read: () async -> Value,
                      _ predicate: (Value) -> Bool, describe: (Value) -> String) async throws -> Value {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        let value = await read()
        if predicate(value) { return value }
        try await Task.sleep(for: interval)
    }
    let value = await read()
    if predicate(value) { return value }
    throw WaitTimeout(description: "condition not met in \(timeout); \(describe(value))")
}

struct WaitTimeout: Error, CustomStringConvertible {
    let description: String
}
