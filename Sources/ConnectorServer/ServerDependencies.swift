import ConnectorStore
import ConnectorVoice
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
    /// The real-time workflows: inbound calls' TwiML and the media streams at `/streams/…`.
    public var voice: RealtimeCalls?
    /// Where the process's metrics are collected (bootstrapped into swift-metrics), for `/metrics`.
    public var metrics: PrometheusCollectorRegistry

    /// Creates dependencies.
    public init(connector: Connector, store: any ConnectorStore, now: @escaping @Sendable () -> Date = Date.init,
                metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), voice: RealtimeCalls? = nil) {
        self.connector = connector
        self.store = store
        self.now = now
        self.voice = voice
        self.metrics = metrics
    }
}
