import Foundation
import TwilioKit

/// The connector's durable state: trigger events, push subscriptions and their deliveries, bulk
/// jobs and their recipients, trigger registrations (with the values they replaced). One
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

    /// When the soonest pending delivery can be leased, if any: when it is due, or when the lease
    /// another instance holds on it expires (a poller then waits for that instead of spinning).
    func nextDeliveryDue() async throws(StoreError) -> Date?

    /// Makes the event's deliveries to `subscriptionIDs` pending again, due `now`, with a fresh
    /// attempt count (creating them where none exists); answers the deliveries.
    func redeliver(eventID: String, subscriptionIDs: [String], now: Date) async throws(StoreError) -> [Delivery]

    // MARK: Bulk jobs

    /// Commits a new running job with every recipient (valid ones pending, invalid ones failed)
    /// and its chunks, before anything is sent; a job with nothing to send is completed at once.
    func createJob(_ job: NewBulkJob) async throws(StoreError) -> BulkJob

    /// The job with `id`, with its counts.
    func job(id: String) async throws(StoreError) -> BulkJob?

    /// Up to `limit` recipients of a job after position `after` (-1 for the first), in order.
    func jobRecipients(jobID: String, after: Int, limit: Int) async throws(StoreError) -> [JobRecipient]

    /// Leases the first unfinished chunk of a running job (of `jobID`, or of the oldest job with
    /// one) for `owner` until `now + leaseDuration`: a chunk whose lease is free, expired or already
    /// `owner`'s, of a job none of whose other chunks is leased to someone else. Safe to run on
    /// several instances at once: a chunk goes to one runner, a job to one runner at a time.
    func leaseJobChunk(jobID: String?, now: Date, owner: String, leaseDuration: Duration) async throws(StoreError) -> JobChunkLease?

    /// Extends `owner`'s lease of a chunk to `now + leaseDuration`; `false` when `owner` no
    /// longer holds it.
    func renewJobChunk(jobID: String, chunk: Int, owner: String, now: Date, leaseDuration: Duration) async throws(StoreError) -> Bool

    /// Moves a pending recipient to `sending` (one more attempt, begun `now`), provided `owner`
    /// holds its chunk's unexpired lease and the job is running. Committed before the send.
    func beginSending(jobID: String, index: Int, owner: String, now: Date) async throws(StoreError) -> JobChunkLease.SendPermission

    /// Records what became of a `sending` recipient, provided `owner` still holds its chunk's
    /// lease; `false` (nothing recorded) otherwise.
    func recordRecipient(jobID: String, index: Int, owner: String, outcome: JobRecipient.Outcome, now: Date) async throws(StoreError) -> Bool

    /// Releases `owner`'s lease of a chunk; the chunk is finished when none of its recipients is
    /// pending or sending, and the job completed when every chunk is. Answers the job.
    func releaseJobChunk(jobID: String, chunk: Int, owner: String, now: Date) async throws(StoreError) -> BulkJob?

    /// Cancels a running job: its pending recipients are set aside (sends already begun finish).
    /// Answers the job (unchanged unless it was running), `nil` when unknown.
    func cancelJob(id: String, now: Date) async throws(StoreError) -> BulkJob?

    /// Makes a canceled job run again, its set-aside recipients pending. Answers the job (unchanged
    /// unless it was canceled), `nil` when unknown.
    func resumeJob(id: String, now: Date) async throws(StoreError) -> BulkJob?

    // MARK: Registrations

    /// Stores `registration` unless another registration holds its ``Registration/slot``. Called
    /// before the resource is changed, so that of two registrations of one slot racing each other
    /// only one goes on to change it.
    func claimRegistration(_ registration: Registration) async throws(StoreError) -> RegistrationClaim

    /// Replaces the URL, resource and values of the stored registration with `registration.id`;
    /// whether there was one.
    func updateRegistration(_ registration: Registration) async throws(StoreError) -> Bool

    /// Every registration, oldest first.
    func registrations() async throws(StoreError) -> [Registration]

    /// The registration with `id`.
    func registration(id: String) async throws(StoreError) -> Registration?

    /// Deletes a registration; whether it existed.
    func deleteRegistration(id: String) async throws(StoreError) -> Bool

    /// Records the `test_id` of an Event Streams sink test event that reached the connector (once;
    /// only the latest hundred are kept).
    func recordSinkTest(id: String, receivedAt: Date) async throws(StoreError)

    /// The test ids of the latest sink test events received, newest first, at most `limit`.
    func sinkTests(limit: Int) async throws(StoreError) -> [String]

    // MARK: Lifecycle

    /// Closes connections and stops listening; the store is not used afterwards.
    func close() async
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

/// A signal that the store may have changed (its raw value is what PostgreSQL's `NOTIFY` carries).
public enum StoreChange: String, Sendable, Equatable, CaseIterable {
    /// Events were appended.
    case events
    /// Deliveries became due (planned or redelivered).
    case deliveries
    /// Bulk jobs were created, resumed, canceled or finished, or their chunks released.
    case jobs
}
