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
        url(pathAndQuery: request.uri.string, scheme: request.uri.scheme?.rawValue, authority: request.head.authority) {
            HTTPField.Name($0).flatMap { request.headers[$0] }
        }
    }

    /// The URL Twilio requested for a request to `pathAndQuery` with `scheme` and `authority`
    /// (`Host`), whose headers `header` reads.
    func url(pathAndQuery: String, scheme: String?, authority: String?, header: (String) -> String?) -> String {
        if let publicURL = security.publicURL {
            return (publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL) + pathAndQuery
        }
        func forwarded(_ name: String) -> String? {
            security.trustForwardedHeaders ? header(name)?.split(separator: ",").first.map {
                String($0).trimmingCharacters(in: .whitespaces)
            } : nil
        }
        let scheme = forwarded("X-Forwarded-Proto") ?? scheme ?? "http"
        let host = forwarded("X-Forwarded-Host") ?? authority ?? "localhost"
        return "\(scheme)://\(host)\(pathAndQuery)"
    }

    /// Verifies a request to `url` with `body` (form-encoded, or JSON with `bodySHA256` in the URL).
    func verify(_ request: Request, url: String, body: [UInt8]) -> Result<Void, Refusal> {
        verify(signature: request.headers[Self.signatureHeader], settings: request.headers[Self.settingsHeader], url: url, body: body)
    }

    /// Verifies `signature` (with the signature `settings` header, if any) over `url` and `body`.
    func verify(signature: String?, settings: String?, url: String, body: [UInt8]) -> Result<Void, Refusal> {
        if TwilioSignatureSettings(header: settings) == nil, security.authToken == nil {
            return .failure(.noAuthToken)
        }
        switch validator.check(url: url, body: body, signature: signature, signatureSettings: settings) {
        case .valid: return .success(())
        case .invalid(let failure): return .failure(.signature(failure))
        }
    }
}
