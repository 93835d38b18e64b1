/// The headers of a Standard Webhooks (standardwebhooks.com) request, by their lowercase names.
public enum StandardWebhookHeader: String, Sendable, CaseIterable {
    /// `webhook-id`: the message's unique id, the same on every retry (the idempotency key).
    case id = "webhook-id"
    /// `webhook-timestamp`: when the message was sent, in integer Unix seconds.
    case timestamp = "webhook-timestamp"
    /// `webhook-signature`: space-separated `version,base64` signatures (`v1,…` for HMAC-SHA256).
    case signature = "webhook-signature"
}
