import Hummingbird

/// Applies the fault rules to every API request.
struct FaultInjectionMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let faults: FaultInjector

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let (latency, decision) = await faults.decide(method: request.method.rawValue, path: request.uri.path)
        if latency > .zero { try await Task.sleep(for: latency) }
        switch decision {
        case .pass:
            return try await next(request, context)
        case .fail(let error):
            throw error
        case .drop:
            try? await context.channel?.close()
            throw SandboxError(.internalServerError, code: 20500, "connection dropped by fault injection")
        case .dropResponse:
            let response = try await next(request, context)
            try? await context.channel?.close()
            return response
        }
    }
}
