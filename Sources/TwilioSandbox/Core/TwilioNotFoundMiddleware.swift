import Hummingbird

/// Turns Hummingbird's plain 404 into Twilio's JSON 20404.
struct TwilioNotFoundMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // Twilio names the path below its domain: /2010-04-01/…, not /api/2010-04-01/….
            let path = request.uri.path.split(separator: "/", maxSplits: 1).dropFirst().first.map { "/" + $0 } ?? request.uri.path
            throw SandboxError.notFound(path)
        }
    }
}
