import Foundation

/// One event on its way to one subscription.
public struct Delivery: Sendable, Equatable {
    /// Where a delivery stands.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// Waiting for its next attempt.
        case pending
        /// The subscriber answered 2xx.
        case delivered
        /// Every attempt failed; ``ConnectorStore/redeliver(eventID:subscriptionIDs:now:)`` tries again.
        case failed
    }

    /// `dlv_…`; also the `webhook-id` of every attempt, so receivers can dedupe.
    public let id: String
    public let subscriptionID: String
    public let eventID: String
    public let status: Status
    /// Attempts made so far.
    public let attempts: Int
    /// When the next attempt is due (pending deliveries).
    public let nextAttemptAt: Date?
    /// The last attempt, if any.
    public let lastAttempt: DeliveryAttempt?
    public let createdAt: Date

    /// Creates a delivery.
    public init(id: String, subscriptionID: String, eventID: String, status: Status, attempts: Int, nextAttemptAt: Date?,
                lastAttempt: DeliveryAttempt?, createdAt: Date) {
        self.id = id
        self.subscriptionID = subscriptionID
        self.eventID = eventID
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastAttempt = lastAttempt
        self.createdAt = createdAt
    }
}

/// What one attempt to deliver got.
public struct DeliveryAttempt: Sendable, Equatable, Codable {
    /// When it was made.
    public let at: Date
    /// The subscriber's HTTP status, when it answered.
    public let statusCode: Int?
    /// Why it failed (a timeout, a refused connection, a non-2xx), `nil` when it succeeded.
    public let error: String?

    /// Creates an attempt.
    public init(at: Date, statusCode: Int?, error: String?) {
        self.at = at
        self.statusCode = statusCode
        self.error = error
    }
}

/// What becomes of a delivery after an attempt.
public enum DeliveryNextStep: Sendable, Equatable {
    /// It arrived.
    case delivered
    /// Try again at this time.
    case retry(at: Date)
    /// Give up: it is marked failed.
    case fail
}

/// A delivery leased to this instance, with what it needs to be sent.
public struct LeasedDelivery: Sendable, Equatable {
    public let delivery: Delivery
    public let event: TriggerEvent
    public let subscription: Subscription

    /// Creates a leased delivery.
    public init(delivery: Delivery, event: TriggerEvent, subscription: Subscription) {
        self.delivery = delivery
        self.event = event
        self.subscription = subscription
    }
}
