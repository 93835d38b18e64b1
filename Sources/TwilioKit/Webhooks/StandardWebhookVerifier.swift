import Foundation

/// Verifies Standard Webhooks (standardwebhooks.com) messages: the `v1` HMAC-SHA256 signature of
/// `"<webhook-id>.<webhook-timestamp>.<body>"`, and a timestamp within the tolerance of now.
///
/// As in the reference libraries, `webhook-signature` may hold several space-separated
/// signatures (as a sender rotating its secret sends them); one matching `v1` signature is enough,
/// and other versions are skipped. Signatures are compared in constant time.
///
/// ```swift
/// let verifier = StandardWebhookVerifier(secret: secret)
/// try verifier.verify(id: headers["webhook-id"], timestamp: headers["webhook-timestamp"],
///                     signature: headers["webhook-signature"], body: body)
/// ```
public struct StandardWebhookVerifier: Sendable {
    private let signer: StandardWebhookSigner
    /// How far the timestamp may be from now, in either direction.
    public let tolerance: Duration
    private let now: @Sendable () -> Date

    /// The reference libraries' tolerance: five minutes.
    public static let defaultTolerance: Duration = .seconds(5 * 60)

    /// A verifier for messages signed with `secret`.
    /// - Parameters:
    ///   - secret: The endpoint's secret.
    ///   - tolerance: How far a message's timestamp may be from now (five minutes by default).
    ///   - now: The current time; injected by tests.
    public init(secret: StandardWebhookSecret, tolerance: Duration = defaultTolerance,
                now: @escaping @Sendable () -> Date = { Date() }) {
        signer = StandardWebhookSigner(secret: secret)
        self.tolerance = tolerance
        self.now = now
    }

    /// Verifies a message, throwing why it must be refused.
    /// - Parameters:
    ///   - id: The `webhook-id` header, `nil` when absent.
    ///   - timestamp: The `webhook-timestamp` header, `nil` when absent.
    ///   - signature: The `webhook-signature` header, `nil` when absent.
    ///   - body: The raw body bytes, exactly as received.
    public func verify(id: String?, timestamp: String?, signature: String?,
                       body: some Sequence<UInt8>) throws(StandardWebhookVerificationError) {
        guard let id, !id.isEmpty else { throw .missingHeader(.id) }
        guard let timestamp, !timestamp.isEmpty else { throw .missingHeader(.timestamp) }
        guard let signature, !signature.isEmpty else { throw .missingHeader(.signature) }
        guard let seconds = Int64(timestamp) else { throw .invalidTimestamp }
        let age = Duration.seconds(now().timeIntervalSince1970) - .seconds(seconds)
        if age > tolerance { throw .timestampTooOld }
        if age < .zero - tolerance { throw .timestampTooNew }

        let expected = signer.digest(id: id, timestamp: seconds, body: body)
        var matched = false
        for entry in signature.split(separator: " ") {
            guard let comma = entry.firstIndex(of: ","), entry[..<comma] == StandardWebhookSigner.version,
                  let candidate = Data(base64Encoded: String(entry[entry.index(after: comma)...])) else { continue }
            matched = WebhookCrypto.constantTimeEquals(Array(candidate), expected) || matched
        }
        guard matched else { throw .noMatchingSignature }
    }
}
