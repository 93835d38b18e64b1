import HTTPTypes
import Hummingbird
import TwilioKit

/// Checks that a request came from Twilio: its `X-Twilio-Signature` over the URL Twilio used and
/// the form parameters (or, for a JSON body, the URL carrying `bodySHA256`). Fail-closed: a
/// request with no signature, a wrong one, or none that can be checked is refused.
struct WebhookVerifier: Sendable {
    /// Why a request was refused.
    enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case missingSignature
        case wrongSignature
        case noKey

        var description: String {
            switch self {
            case .missingSignature: "it has no X-Twilio-Signature"
            case .wrongSignature: "its X-Twilio-Signature does not match"
            case .noKey: "no Auth Token is configured to check it"
            }
        }
    }

    let security: WebhookSecurity

    static let signatureHeader = HTTPField.Name("X-Twilio-Signature")!

    /// The URL Twilio requested: the public URL (or the request's own scheme and host) followed by
    /// the request's path and query.
    func url(of request: Request) -> String {
        let pathAndQuery = request.uri.string
        if let publicURL = security.publicURL {
            return (publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL) + pathAndQuery
        }
        let forwarded = { (name: String) in
            security.trustForwardedHeaders ? request.headers[HTTPField.Name(name)!]?.split(separator: ",").first.map {
                String($0).trimmingCharacters(in: .whitespaces)
            } : nil
        }
        let scheme = forwarded("X-Forwarded-Proto") ?? request.uri.scheme?.rawValue ?? "http"
        let host = forwarded("X-Forwarded-Host") ?? request.head.authority ?? "localhost"
        return "\(scheme)://\(host)\(pathAndQuery)"
    }

    /// Verifies a form-encoded request with `parameters`.
    func verify(_ request: Request, url: String, parameters: [(String, String)]) -> Result<Void, Refusal> {
        check(request) { $0.validate(url: url, parameters: parameters, signature: $1) }
    }

    /// Verifies a request with a raw (JSON) body.
    func verify(_ request: Request, url: String, body: [UInt8]) -> Result<Void, Refusal> {
        check(request) { $0.validate(url: url, body: body, signature: $1) }
    }

    private func check(_ request: Request, _ validate: (TwilioRequestValidator, String) -> Bool) -> Result<Void, Refusal> {
        guard let signature = request.headers[Self.signatureHeader], !signature.isEmpty else { return .failure(.missingSignature) }
        guard let authToken = security.authToken else { return .failure(.noKey) }
        return validate(TwilioRequestValidator(authToken: authToken), signature) ? .success(()) : .failure(.wrongSignature)
    }
}
