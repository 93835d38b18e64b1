import Foundation
import MCP
import TwilioKit

/// Who may use `/mcp`, beyond the API token every route checks (``APITokenMiddleware``): a token
/// must be configured when the server listens beyond the loopback interface, and browsers only
/// from a local or allowed origin (against DNS rebinding). Checked before a session is looked up.
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
        if let origin = request.header(HTTPHeaderName.origin), !isAllowed(origin: origin) {
            return .error(statusCode: 403, .invalidRequest("Forbidden: Origin \(origin) is not allowed"))
        }
        return nil
    }

    /// Whether a browser at `origin` may call: a local origin, or one allowed.
    private func isAllowed(origin: String) -> Bool {
        let trimmed = origin.hasSuffix("/") ? String(origin.dropLast()) : origin
        if allowedOrigins.contains(where: { $0.caseInsensitiveCompare(trimmed) == .orderedSame }) { return true }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host else { return false }
        return ServerConfiguration.isLoopback(host: host)
    }
}
