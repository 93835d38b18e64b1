import Metrics

/// What the client reports through swift-metrics (nothing, until the process bootstraps a
/// metrics backend): requests by domain, final status and attempts, and how long they took,
/// retries included.
enum TwilioClientMetrics {
    /// Records one request's outcome.
    static func record(domain: TwilioDomain, status: String, attempts: Int, duration: Duration) {
        Counter(label: "twilio_requests_total", dimensions: [("domain", domain.rawValue), ("status", status)]).increment()
        if attempts > 1 {
            Counter(label: "twilio_request_retries_total", dimensions: [("domain", domain.rawValue)]).increment(by: attempts - 1)
        }
        Metrics.Timer(label: "twilio_request_duration_seconds", dimensions: [("domain", domain.rawValue)], preferredDisplayUnit: .seconds)
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
