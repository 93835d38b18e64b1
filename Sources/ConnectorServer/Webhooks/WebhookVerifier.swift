import HTTPTypes
import Hummingbird
import TwilioKit

/// Checks that a request came from Twilio: its `X-Twilio-Signature` over the URL Twilio used and
/// the body (form parameters, or a JSON body's `bodySHA256`), signed with the Auth Token or — when
/// `X-Twilio-Webhooks-Signature-Settings` names one — with a SharedKey. Fail-closed: a request
/// with no signature, a wrong one, an unknown key or algorithm, or none that can be checked is
/// refused; a SharedKey failure never falls back to the Auth Token.
struct WebhookVerifier: Sendable {
    /// Why a request was refused (never holding a secret).
    enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The signature did not check out.
        case signature(TwilioSignatureFailure)
        /// Signed with the Auth Token, but none is configured.
        case noAuthToken

        var description: String {
            switch self {
            case .signature(let failure): "\(failure)"
            case .noAuthToken: "no Auth Token is configured to check its signature (pass --webhook-auth-token)"
            }
        }
    }

    let security: WebhookSecurity
    private let validator: TwilioRequestValidator

    init(security: WebhookSecurity) {
        self.security = security
        validator = TwilioRequestValidator(authToken: security.authToken ?? "", sharedKeys: security.sharedKeys)
    }

    static let signatureHeader = HTTPField.Name(TwilioRequestSigner.signatureHeader)!
    static let settingsHeader = HTTPField.Name(TwilioSignatureSettings.headerName)!

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

    /// Verifies a request to `url` with `body` (form-encoded, or JSON with `bodySHA256` in the URL).
    func verify(_ request: Request, url: String, body: [UInt8]) -> Result<Void, Refusal> {
        let settings = request.headers[Self.settingsHeader]
        if TwilioSignatureSettings(header: settings) == nil, security.authToken == nil {
            return .failure(.noAuthToken)
        }
        switch validator.check(url: url, body: body, signature: request.headers[Self.signatureHeader], signatureSettings: settings) {
        case .valid: return .success(())
        case .invalid(let failure): return .failure(.signature(failure))
        }
    }
}
