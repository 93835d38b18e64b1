import Metrics

/// What the server reports through swift-metrics: webhooks received or refused by trigger, pushes
/// delivered or failed, and the event streams open.
enum ServerMetrics {
    /// A webhook from Twilio, by outcome (`stored`, `duplicate`, `refused`, `invalid`).
    static func webhook(trigger: String, outcome: String) {
        Counter(label: "connector_webhooks_total", dimensions: [("trigger", trigger), ("outcome", outcome)]).increment()
    }

    /// A push attempt, by outcome (`delivered`, `retry`, `failed`).
    static func push(outcome: String) {
        Counter(label: "connector_push_attempts_total", dimensions: [("outcome", outcome)]).increment()
    }

    /// The streams open now (`sse`, and the real-time voice streams).
    static func openStreams(_ kind: String) -> Meter {
        Meter(label: "connector_open_streams", dimensions: [("kind", kind)])
    }
}
