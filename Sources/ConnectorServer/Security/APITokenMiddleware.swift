import HTTPTypes
import Hummingbird
import TwilioKit

/// Requires `Authorization: Bearer <token>` on every route that engines and agents use. Twilio's
/// routes (`/webhooks/twilio/…`, `/streams/…`) are authenticated by Twilio's signature instead, and
/// `/healthz` stays open for load balancers. Tokens are compared in constant time; a refusal is a
/// 401 with a JSON error and `WWW-Authenticate`.
struct APITokenMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The accepted tokens.
    private let tokens: [String]

    /// Paths that need no token.
    static var openPrefixes: [String] { ["/webhooks/twilio/", "/streams/", "/healthz"] }

    init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Whether `path` is authenticated some other way (or not at all).
    static func isOpen(_ path: String) -> Bool {
        openPrefixes.contains { path == $0 || path.hasPrefix($0) || (path + "/") == $0 }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !tokens.isEmpty, !Self.isOpen(request.uri.path) else { return try await next(request, context) }
        let given = request.headers[.authorization].flatMap { header -> String? in
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
        // Every token is compared, so the time taken does not say which one came close.
        guard let given, tokens.map({ WebhookCrypto.constantTimeEquals($0, given) }).contains(true) else {
            let reason = given == nil ? "This server requires Authorization: Bearer <API token>." : "The API token is not valid."
            // MCP clients read a JSON-RPC error; everyone else the connector's JSON error.
            var response = request.uri.path.hasPrefix("/mcp")
                ? JSONResponse.make(["jsonrpc": "2.0", "id": .null, "error": ["code": -32001, "message": .string("Unauthorized: " + reason)]],
                                    status: .unauthorized)
                : JSONResponse.error(.unauthorized, reason)
            response.headers[.wwwAuthenticate] = #"Bearer realm="twilio-connector""#
            return response
        }
        return try await next(request, context)
    }
}
