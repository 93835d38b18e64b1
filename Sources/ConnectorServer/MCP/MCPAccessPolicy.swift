import Foundation
import MCP
import TwilioKit

/// Who may use `/mcp`: a caller with one of the server's API tokens (`Authorization: Bearer …`)
/// when any is configured — and one must be when the server listens beyond the loopback
/// interface — from no browser origin but a local or allowed one (against DNS rebinding).
/// Checked before a session is looked up, so an unauthenticated caller learns nothing.
struct MCPAccessPolicy: HTTPRequestValidator {
    /// The accepted tokens.
    let apiTokens: [String]
    /// Whether the server listens on the loopback interface only.
    let loopbackOnly: Bool
    /// Origins allowed besides the local ones.
    let allowedOrigins: [String]

    func validate(_ request: MCP.HTTPRequest, context: HTTPValidationContext) -> MCP.HTTPResponse? {
        if apiTokens.isEmpty, !loopbackOnly {
            return .error(statusCode: 403, .invalidRequest(
                "Forbidden: MCP over HTTP beyond the loopback interface needs an API token; start serve with --api-token (or TWILIO_CONNECTOR_API_TOKEN)"))
        }
        if !apiTokens.isEmpty, !isAuthorized(request.header(HTTPHeaderName.authorization)) {
            return .error(statusCode: 401, .invalidRequest("Unauthorized: send Authorization: Bearer <one of the server's API tokens>"),
                          extraHeaders: [HTTPHeaderName.wwwAuthenticate: #"Bearer realm="twilio-connector""#])
        }
        if let origin = request.header(HTTPHeaderName.origin), !isAllowed(origin: origin) {
            return .error(statusCode: 403, .invalidRequest("Forbidden: Origin \(origin) is not allowed"))
        }
        return nil
    }

    /// Whether `header` carries one of the tokens; every token is compared, each in constant time.
    private func isAuthorized(_ header: String?) -> Bool {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
        let given = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return apiTokens.reduce(false) { found, token in WebhookCrypto.constantTimeEquals(given, token) || found }
    }

    /// Whether a browser at `origin` may call: a local origin, or one allowed.
    private func isAllowed(origin: String) -> Bool {
        let trimmed = origin.hasSuffix("/") ? String(origin.dropLast()) : origin
        if allowedOrigins.contains(where: { $0.caseInsensitiveCompare(trimmed) == .orderedSame }) { return true }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host else { return false }
        return Self.isLoopback(host: host)
    }

    /// Whether `host` names the loopback interface (`127.0.0.1`, `localhost`, `::1`).
    static func isLoopback(host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}
