/// Why a webhook's Twilio signature was refused.
///
/// Descriptions are safe to log: they never contain a secret, and values taken from request
/// headers are quoted, escaped and shortened.
public enum TwilioSignatureFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request has no (or an empty) `X-Twilio-Signature` header.
    case missingSignature
    /// The `X-Twilio-Webhooks-Signature-Settings` header names no shared key (`key=`).
    case missingKeyID
    /// The settings header names a shared key the validator does not know (as written in the header).
    case unknownKeyID(String)
    /// The settings header names an algorithm Twilio does not document (as written in the header).
    case unsupportedAlgorithm(String)
    /// The signature matches none of the URL's accepted spellings with the selected key.
    case signatureMismatch
    /// The URL's signature matches but the body's SHA-256 differs from its `bodySHA256` query parameter.
    case bodyHashMismatch

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .missingSignature: "no X-Twilio-Signature header"
        case .missingKeyID: "the signature settings header names no shared key"
        case .unknownKeyID(let keyID): "unknown shared key \(Self.quoted(keyID))"
        case .unsupportedAlgorithm(let name): "unsupported signature algorithm \(Self.quoted(name))"
        case .signatureMismatch: "the signature does not match"
        case .bodyHashMismatch: "the body does not match its bodySHA256"
        }
    }

    /// A header value as a quoted Swift literal (control characters escaped), at most 64 characters.
    private static func quoted(_ value: String) -> String {
        let limit = 64
        let shown = value.count > limit ? String(value.prefix(limit)) + "…" : value
        return String(reflecting: shown)
    }
}
