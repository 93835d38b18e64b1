import ConnectorStore
import Foundation
import Prometheus
import TwilioConnector

/// What the server's controllers work with: the connector, the store, and the clock.
public struct ServerDependencies: Sendable {
    /// Runs actions and reads Twilio.
    public var connector: Connector
    /// Events, subscriptions and deliveries.
    public var store: any ConnectorStore
    /// The current time (tests pass a manual clock).
    public var now: @Sendable () -> Date
    /// The voice TwiML answering an inbound call for a real-time workflow.
    public var streamAnswer: @Sendable (_ workflow: String) -> String
    /// Where the process's metrics are collected (bootstrapped into swift-metrics), for `/metrics`.
    public var metrics: PrometheusCollectorRegistry

    /// Creates dependencies.
    public init(connector: Connector, store: any ConnectorStore, now: @escaping @Sendable () -> Date = Date.init,
                metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
                streamAnswer: @escaping @Sendable (_ workflow: String) -> String = { _ in "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>" }) {
        self.connector = connector
        self.store = store
        self.now = now
        self.streamAnswer = streamAnswer
        self.metrics = metrics
    }
}
