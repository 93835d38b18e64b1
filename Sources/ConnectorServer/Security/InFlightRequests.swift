import Foundation
import Hummingbird
import Synchronization

/// The requests being served right now, so that a forced stop can say what it cut short.
public final class InFlightRequests: Sendable {
    private let requests = Mutex<[UUID: String]>([:])

    /// Creates an empty register.
    public init() {}

    /// What is in flight: `POST /actions/sendBulkSMS`, …, oldest first not guaranteed.
    public var descriptions: [String] { requests.withLock { Array($0.values).sorted() } }

    /// Registers `description` while `body` runs.
    func track<T>(_ description: String, _ body: () async throws -> T) async rethrows -> T {
        let id = UUID()
        requests.withLock { $0[id] = description }
        defer { requests.withLock { _ = $0.removeValue(forKey: id) } }
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
