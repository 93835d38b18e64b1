import Metrics
import TwilioKit

/// What the connector reports through swift-metrics: actions run by name and outcome, and bulk
/// sends' recipients by outcome.
enum ConnectorMetrics {
    private struct ActionOutcome: Hashable, Sendable {
        let action: String
        let outcome: String
    }

    private static let actions = MetricHandles { (key: ActionOutcome) in
        Counter(label: "connector_actions_total", dimensions: [("action", key.action), ("outcome", key.outcome)])
    }
    private static let bulkRecipients = MetricHandles { (sent: Bool) in
        Counter(label: "connector_bulk_recipients_total", dimensions: [("outcome", sent ? "sent" : "failed")])
    }

    /// Records an action's envelope.
    static func action(_ name: String, envelope: JSONValue) {
        let fields = envelope.objectFields ?? [:]
        let outcome = fields["success"] == .bool(true) ? "success" : fields["invalidParameters"] != nil ? "invalid" : "failure"
        actions[ActionOutcome(action: name, outcome: outcome)].increment()
    }

    /// Records one recipient of a bulk send, sent or not.
    static func bulkRecipient(sent: Bool) {
        bulkRecipients[sent].increment()
    }
}
