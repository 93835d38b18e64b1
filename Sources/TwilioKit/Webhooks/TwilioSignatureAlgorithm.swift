import Crypto

/// The HMAC algorithms Twilio signs webhooks with, as named in the
/// `X-Twilio-Webhooks-Signature-Settings` header.
///
/// Webhooks signed with the Auth Token always use ``hmacSHA1``; webhooks signed with a shared key
/// use the algorithm of the Webhook Setting that matched their URL.
public enum TwilioSignatureAlgorithm: String, Sendable, CaseIterable {
    /// HMAC-SHA1: a 28-character base64 signature.
    case hmacSHA1 = "HMAC_SHA1"
    /// HMAC-SHA256: a 44-character base64 signature.
    case hmacSHA256 = "HMAC_SHA256"

    /// The algorithm called `name`, compared after upper-casing it as twilio-python does
    /// (`hmac_sha256` is ``hmacSHA256``); `nil` for an algorithm this library does not support.
    public init?(named name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// The base64 HMAC of `message` under `key`.
    func signature(of message: some Sequence<UInt8>, key: [UInt8]) -> String {
        switch self {
        case .hmacSHA1: WebhookCrypto.base64HMAC(Insecure.SHA1.self, key: key, message: message)
        case .hmacSHA256: WebhookCrypto.base64HMAC(SHA256.self, key: key, message: message)
        }
    }
}
