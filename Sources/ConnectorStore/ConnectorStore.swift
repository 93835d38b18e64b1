import Foundation
import TwilioKit

/// The connector's durable state: trigger events, push subscriptions and their deliveries. One
/// protocol, free of any database's dialect, with an implementation per backend (SQLite embedded,
/// PostgreSQL for several instances). Every write that a caller acknowledges to someone else (a
/// webhook's 2xx, a subscription's answer) is committed before the method returns.
///
/// Times are passed in (`now`), never read inside, so retry schedules and leases are testable with
/// a manual clock.
public protocol ConnectorStore: Sendable {
    // MARK: Events

    /// Commits `event` to the log, unless an event with its ``NewTriggerEvent/dedupeKey`` is already
    /// there; either way answers the stored event.
    func append(_ event: NewTriggerEvent) async throws(StoreError) -> EventAppendResult

    /// Events in log order after `query.after`, of `query.trigger` (or every trigger), at most
    /// `query.limit`.
    func events(_ query: EventQuery) async throws(StoreError) -> [TriggerEvent]

    /// The event with `id`.
    func event(id: String) async throws(StoreError) -> TriggerEvent?

    /// The position of the newest event (0 when the log is empty).
    func latestSequence() async throws(StoreError) -> Int64

    /// Yields whenever something may have changed — events appended or deliveries due — by this
    /// process or, where the backend can tell, another one. Waiters re-read the store on each
    /// signal; a signal carries no data and may be spurious.
    func changes() -> AsyncStream<StoreChange>

    // MARK: Subscriptions

    /// Stores a new subscription.
    func createSubscription(_ subscription: Subscription) async throws(StoreError)

    /// Every subscription, oldest first.
    func subscriptions() async throws(StoreError) -> [Subscription]

    /// The subscription with `id`.
    func subscription(id: String) async throws(StoreError) -> Subscription?

    /// Deletes a subscription and its pending deliveries; whether it existed.
    func deleteSubscription(id: String) async throws(StoreError) -> Bool

    // MARK: Deliveries

    /// Creates a pending delivery, due `now`, for each event after each subscription's cursor that
    /// `matches` it, and moves the cursors past those events; answers how many were created.
    /// Safe to run on several instances at once: each event reaches each subscription once.
    func planDeliveries(now: Date, batchSize: Int,
                        matches: @escaping @Sendable (Subscription, TriggerEvent) -> Bool) async throws(StoreError) -> Int

    /// Leases up to `limit` pending deliveries due at `now` whose lease is free or expired, for
    /// `owner`, until `now + leaseDuration`. Another instance cannot take them until then.
    func leaseDueDeliveries(now: Date, limit: Int, owner: String, leaseDuration: Duration) async throws(StoreError) -> [LeasedDelivery]

    /// Records an attempt of a leased delivery and releases the lease. Ignored (answers `false`)
    /// when `owner` no longer holds the lease.
    func recordAttempt(deliveryID: String, owner: String, attempt: DeliveryAttempt,
                       next: DeliveryNextStep) async throws(StoreError) -> Bool

    /// The deliveries of a subscription, newest first.
    func deliveries(subscriptionID: String, limit: Int) async throws(StoreError) -> [Delivery]

    /// When the soonest pending delivery is due, if any.
    func nextDeliveryDue() async throws(StoreError) -> Date?

    /// Makes the event's deliveries to `subscriptionIDs` pending again, due `now`, with a fresh
    /// attempt count (creating them where none exists); answers the deliveries.
    func redeliver(eventID: String, subscriptionIDs: [String], now: Date) async throws(StoreError) -> [Delivery]
}

/// A store operation failed: the database could not be reached, or refused the operation.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What failed, without credentials.
    public let message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "The store failed: \(message)" }
}

/// A signal that the store may have changed.
public enum StoreChange: Sendable, Equatable {
    /// Events were appended.
    case events
    /// Deliveries became due (planned or redelivered).
    case deliveries
}
