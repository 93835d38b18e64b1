import ConnectorStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TwilioConnector
import TwilioKit

/// Pushes events to subscribers: plans a delivery for each matching event, leases the due ones
/// (so that several instances never send one twice at once), POSTs each signed the Standard
/// Webhooks way with the same `webhook-id` on every attempt, and records the outcome — delivered,
/// retried on the subscription's schedule, or failed. Runs until the server shuts down; a restart
/// carries on where the store says.
final class EventDeliveryService: Service {
    private let dependencies: ServerDependencies
    private let logger: Logger
    private let transport: any TwilioHTTPTransport
    /// This instance's name on the leases it takes.
    private let owner = "instance-" + UUID().uuidString.prefix(8).lowercased()
    private let doorbell = Doorbell()
    /// How long one attempt may take.
    private let attemptTimeout: Duration
    /// The longest pause between two looks at the store (other instances may have planned work).
    private let pollInterval: Duration

    init(dependencies: ServerDependencies, logger: Logger, transport: any TwilioHTTPTransport = HTTP1Transport(),
         attemptTimeout: Duration = .seconds(10), pollInterval: Duration = .seconds(1)) {
        self.dependencies = dependencies
        self.logger = logger
        self.transport = transport
        self.attemptTimeout = attemptTimeout
        self.pollInterval = pollInterval
    }

    /// Asks the service to look at the store now.
    var wake: @Sendable () -> Void {
        let doorbell = doorbell
        return { Task { await doorbell.ring() } }
    }

    func run() async throws {
        let changes = dependencies.store.changes()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { for await _ in changes { await self.doorbell.ring() } }
                group.addTask { await self.loop() }
                await group.next()
                group.cancelAll()
            }
        }
    }

    private func loop() async {
        while !Task.isCancelled {
            var pause = pollInterval
            do {
                if let due = try await deliverDue() {
                    pause = min(pollInterval, .milliseconds(Int64(max(0, due.timeIntervalSince(dependencies.now())) * 1000)))
                }
            } catch where !Task.isCancelled {
                logger.error("Push deliveries paused: \(error)")
            } catch {
                return  // the server is shutting down: the read was cancelled, nothing failed
            }
            await doorbell.wait(upTo: pause)
        }
    }

    /// Plans and sends everything due now; when the next delivery is due (`nil`: none is pending).
    func deliverDue() async throws(StoreError) -> Date? {
        _ = try await dependencies.store.planDeliveries(now: dependencies.now(), batchSize: 500) { subscription, event in
            TriggerCatalogue.trigger(named: event.trigger)?.matches(event.data, filter: subscription.filter) ?? false
        }
        while !Task.isCancelled {
            // Read first: leasing is a write transaction, on the store's one writer, which every
            // webhook's commit waits for; most changes (a new event, nobody subscribed) make nothing due.
            let next = try await dependencies.store.nextDeliveryDue()
            guard let next, next <= dependencies.now() else { return next }
            let leased = try await dependencies.store.leaseDueDeliveries(now: dependencies.now(), limit: 32, owner: owner,
                                                                          leaseDuration: attemptTimeout * 3)
            if leased.isEmpty { return next }
            await withTaskGroup(of: Void.self) { group in
                for delivery in leased { group.addTask { await self.attempt(delivery) } }
            }
        }
        return nil
    }

    private func attempt(_ leased: LeasedDelivery) async {
        let dialect = ConnectorDialect(rawValue: leased.subscription.dialect) ?? .component
        let body = TriggerJSON.event(leased.event, dialect: dialect).compactBytes
        let now = dependencies.now()
        guard let secret = StandardWebhookSecret(leased.subscription.secret) else {
            logger.error("A subscription's secret is unreadable", metadata: ["subscription": "\(leased.subscription.id)"])
            return
        }
        let signed = StandardWebhookSigner(secret: secret).headers(id: leased.event.id, timestamp: now, body: body)
        let request = TwilioHTTPRequest(method: .post, url: leased.subscription.url, headers: [
            (name: "Content-Type", value: "application/json"), (name: "User-Agent", value: "twilio-connector"),
        ] + signed, body: body)
        let attempt: DeliveryAttempt
        do {
            let response = try await transport.execute(request, timeout: attemptTimeout)
            attempt = DeliveryAttempt(at: now, statusCode: response.status,
                                      error: (200..<300).contains(response.status) ? nil : "answered HTTP \(response.status)")
        } catch {
            attempt = DeliveryAttempt(at: now, statusCode: nil, error: error.reason)
        }
        let next: DeliveryNextStep = attempt.error == nil ? .delivered
            : PushRetryPolicy(schedule: leased.subscription.retrySchedule)
                .next(afterFailedAttempts: leased.delivery.attempts + 1, now: now) { Double.random(in: $0) }
        ServerMetrics.push(outcome: { if case .delivered = next { "delivered" } else if case .fail = next { "failed" } else { "retry" } }())
        if case .fail = next {
            logger.warning("A push failed for good", metadata: ["delivery": "\(leased.delivery.id)", "url": "\(leased.subscription.url)",
                                                                "error": "\(attempt.error ?? "")"])
        }
        do {
            _ = try await dependencies.store.recordAttempt(deliveryID: leased.delivery.id, owner: owner, attempt: attempt, next: next)
        } catch {
            logger.error("A push's outcome could not be recorded; it will be tried again: \(error)")
        }
    }
}
