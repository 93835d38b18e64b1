import Hummingbird
import Synchronization

/// The requests being served right now, so that a forced stop can say what it cut short.
public final class InFlightRequests: Sendable {
    /// The requests by a number counted up per request (cheaper than a `UUID`, which reads
    /// `/dev/urandom`), and the next number.
    private let register = Mutex<(requests: [Int: String], next: Int)>(([:], 0))

    /// Creates an empty register.
    public init() {}

    /// What is in flight: `POST /actions/sendBulkSMS`, …, oldest first not guaranteed.
    public var descriptions: [String] { register.withLock { Array($0.requests.values).sorted() } }

    /// Registers `description` while `body` runs.
    func track<T>(_ description: String, _ body: () async throws -> T) async rethrows -> T {
        let id = register.withLock { register in
            defer { register.next += 1 }
            register.requests[register.next] = description
            return register.next
        }
        defer { register.withLock { _ = $0.requests.removeValue(forKey: id) } }
        return try await body()
    }
}

/// Registers each request in an ``InFlightRequests`` while it is served.
struct InFlightMiddleware<Context: RequestContext>: RouterMiddleware {
    let register: InFlightRequests

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await register.track("\(request.method.rawValue) \(request.uri.path)") { try await next(request, context) }
    }
}
