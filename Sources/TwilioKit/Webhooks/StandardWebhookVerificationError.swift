/// Why a Standard Webhooks message was refused. Descriptions are safe to log.
public enum StandardWebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A required header is absent or empty.
    case missingHeader(StandardWebhookHeader)
    /// `webhook-timestamp` is not an integer number of seconds.
    case invalidTimestamp
    /// The timestamp is further in the past than the tolerance allows (a replay, or a slow retry).
    case timestampTooOld
    /// The timestamp is further in the future than the tolerance allows.
    case timestampTooNew
    /// No `v1` signature in `webhook-signature` matches the message.
    case noMatchingSignature

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .missingHeader(let header): "missing \(header.rawValue) header"
        case .invalidTimestamp: "webhook-timestamp is not a Unix time in seconds"
        case .timestampTooOld: "message timestamp too old"
        case .timestampTooNew: "message timestamp too new"
        case .noMatchingSignature: "no matching signature found"
        }
    }
}
