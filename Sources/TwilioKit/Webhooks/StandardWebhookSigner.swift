import Crypto
import Foundation

/// Signs webhooks as the Standard Webhooks specification (standardwebhooks.com) defines:
/// `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`.
///
/// ```swift
/// let signer = StandardWebhookSigner(secret: secret)
/// let headers = signer.headers(id: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", timestamp: .now, body: body)
/// ```
public struct StandardWebhookSigner: Sendable {
    /// The secret whose bytes key the HMAC.
    public let secret: StandardWebhookSecret

    /// A signer with `secret`.
    public init(secret: StandardWebhookSecret) {
        self.secret = secret
    }

    /// The `v1,<base64>` signature of a message.
    /// - Parameters:
    ///   - id: The message id (`webhook-id`); it should not contain `.`.
    ///   - timestamp: When the message is sent; signed as whole Unix seconds (rounded down).
    ///   - body: The exact body bytes that will be sent.
    public func signature(id: String, timestamp: Date, body: some Sequence<UInt8>) -> String {
        signature(id: id, timestamp: Self.unixSeconds(timestamp), body: body)
    }

    /// The three headers of a signed message: `webhook-id`, `webhook-timestamp` and `webhook-signature`.
    /// - Parameters:
    ///   - id: The message id, the same for every retry of the message.
    ///   - timestamp: When this attempt is sent.
    ///   - body: The exact body bytes that will be sent.
    public func headers(id: String, timestamp: Date, body: some Sequence<UInt8>) -> [(name: String, value: String)] {
        let seconds = Self.unixSeconds(timestamp)
        return [
            (name: StandardWebhookHeader.id.rawValue, value: id),
            (name: StandardWebhookHeader.timestamp.rawValue, value: String(seconds)),
            (name: StandardWebhookHeader.signature.rawValue, value: signature(id: id, timestamp: seconds, body: body)),
        ]
    }

    /// The `v1,<base64>` signature of a message whose timestamp is `timestamp` Unix seconds.
    func signature(id: String, timestamp: Int64, body: some Sequence<UInt8>) -> String {
        Self.version + "," + Data(digest(id: id, timestamp: timestamp, body: body)).base64EncodedString()
    }

    /// The HMAC-SHA256 of `<id>.<timestamp>.<body>`.
    func digest(id: String, timestamp: Int64, body: some Sequence<UInt8>) -> [UInt8] {
        WebhookCrypto.hmac(SHA256.self, key: secret.bytes, message: Array("\(id).\(timestamp).".utf8) + Array(body))
    }

    /// The signature version of symmetric (HMAC-SHA256) signatures.
    static let version = "v1"

    /// Whole Unix seconds, rounded down.
    static func unixSeconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }
}
