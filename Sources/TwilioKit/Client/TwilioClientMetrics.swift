import Metrics

/// What the client reports through swift-metrics (nothing, until the process bootstraps a
/// metrics backend): requests by domain, final status and attempts, and how long they took,
/// retries included.
enum TwilioClientMetrics {
    /// A request's final outcome: an HTTP status, or nil when no answer came.
    private struct Outcome: Hashable, Sendable {
        let domain: TwilioDomain
        let status: Int?
    }

    private static let requests = MetricHandles { (outcome: Outcome) in
        Counter(label: "twilio_requests_total", dimensions: [("domain", outcome.domain.rawValue), ("status", outcome.status.map { "\($0)" } ?? "no_answer")])
    }
    private static let retries = MetricHandles { (domain: TwilioDomain) in
        Counter(label: "twilio_request_retries_total", dimensions: [("domain", domain.rawValue)])
    }
    private static let durations = MetricHandles { (domain: TwilioDomain) in
        Metrics.Timer(label: "twilio_request_duration_seconds", dimensions: [("domain", domain.rawValue)], preferredDisplayUnit: .seconds)
    }

    /// Records one request's outcome: its final HTTP status, or nil when no answer came.
    static func record(domain: TwilioDomain, status: Int?, attempts: Int, duration: Duration) {
        requests[Outcome(domain: domain, status: status)].increment()
        if attempts > 1 { retries[domain].increment(by: attempts - 1) }
        durations[domain].recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
