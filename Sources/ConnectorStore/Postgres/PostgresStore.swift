import Foundation
import Logging
import PostgresNIO
import Synchronization
import TwilioKit

/// The store for several instances: PostgreSQL through postgres-nio. Same schema, statements and
/// behaviour as ``SQLiteStore``; what differs is how instances coordinate:
/// - appends to the event log are serialised by a transaction-level advisory lock, so events are
///   committed in sequence order and a reader paging by sequence never skips one;
/// - rows being claimed (subscriptions being planned, due deliveries, bulk jobs) are locked with
///   `FOR UPDATE SKIP LOCKED`, so instances claim different rows without waiting for each other;
/// - every change is `NOTIFY`-ed on the store's channel and every instance `LISTEN`s, so
///   ``changes()`` wakes waiters on all instances.
///
/// Credentials never appear in errors or logs: messages name ``location``, whose description
/// hides the password.
public final class PostgresStore: ConnectorStore {
    /// Where the store lives (its description hides the password).
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger
    private let broadcaster = ChangeBroadcaster()
    private let background: Mutex<[Task<Void, Never>]>
    private let listener: PostgresChangeListener
    /// The channel changes are notified on: one per schema.
    let channel: String
    /// The advisory lock that serialises appends to this schema's event log.
    private let appendLock: Int64

    /// Connects to the store at `url` (`postgres://user:password@host:port/database?schema=…`),
    /// creating the schema and bringing it up to date; fails at once when the server cannot be
    /// reached or refuses the credentials.
    public static func open(url: String, logger: Logger = Logger(label: "ConnectorStore")) async throws(StoreError) -> PostgresStore {
        let location = try PostgresLocation(url: url)
        try await PostgresMigrator(location: location, logger: logger).migrate()
        let (started, didStart) = AsyncStream<Void>.makeStream()
        let store = PostgresStore(location: location, logger: logger, didStart: didStart)
        for await _ in started {}
        return store
    }

    /// Starts the pool and the listener; `didStart` finishes once the pool runs.
    private init(location: PostgresLocation, logger: Logger, didStart: AsyncStream<Void>.Continuation) {
        self.location = location
        self.logger = logger
        channel = "connector_changes_" + location.schema
        appendLock = Self.lockKey("events", location)
        let client = PostgresClient(configuration: Self.clientConfiguration(location), backgroundLogger: logger)
        self.client = client
        let listener = PostgresChangeListener(location: location, channel: channel, broadcaster: broadcaster, logger: logger)
        self.listener = listener
        let pool = Task {
            didStart.finish()
            await client.run()
        }
        background = Mutex([pool, Task { await listener.run() }])
    }

    deinit {
        for task in background.withLock({ $0 }) { task.cancel() }
    }

    public func close() async {
        for task in background.withLock({ $0 }) {
            task.cancel()
            await task.value
        }
    }

    public func changes() -> AsyncStream<StoreChange> { broadcaster.stream() }

    /// Whether this store hears other instances' changes now (its `LISTEN` connection is up).
    public var isListening: Bool { listener.isListening }

    // MARK: Running statements

    /// Runs `body` in a transaction; on success signals `change` to this process's waiters when
    /// `body` says something changed (other instances hear the `NOTIFY` sent with the commit).
    func transaction<T: Sendable>(_ what: @autoclosure () -> String, signalling change: StoreChange? = nil,
                                  _ body: @escaping @Sendable (PostgresConnection) async throws -> (T, changed: Bool)) async throws(StoreError) -> T {
        let logger = logger
        let channel = channel
        let result: (T, changed: Bool)
        do {
            result = try await client.withTransaction(logger: logger) { connection in
                let result = try await body(connection)
                if result.changed, let change {
                    try await connection.run([StoreStatement("SELECT pg_notify(?, ?)", [.text(channel), .text(change.rawValue)])], logger: logger)
                }
                return result
            }
        } catch {
            throw Self.failure(what(), error, location)
        }
        if result.changed, let change { broadcaster.signal(change) }
        return result.0
    }

    /// Runs `body` in a transaction that notifies nothing.
    func transaction<T: Sendable>(_ what: @autoclosure () -> String,
                                  _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        try await transaction(what(), signalling: nil) { connection in (try await body(connection), false) }
    }

    /// The rows of one statement, read outside any transaction.
    func records(_ what: @autoclosure () -> String, _ statement: StoreStatement) async throws(StoreError) -> [StoreRecord] {
        let logger = logger
        do {
            return try await client.withConnection { connection in try await connection.records(statement, logger: logger) }
        } catch {
            throw Self.failure(what(), error, location)
        }
    }

    // MARK: Events

    public func append(_ event: NewTriggerEvent) async throws(StoreError) -> EventAppendResult {
        // One statement (its own transaction): take the append lock, insert unless the dedupe key
        // is taken, notify. Holding the lock until commit, appends commit in sequence order.
        let id = StoreIdentifier.make("evt")
        let inserted = try await records("storing a \(event.trigger) event", StoreStatement("""
            WITH serialised AS (SELECT 1 AS locked FROM pg_advisory_xact_lock(?)),
            inserted AS (INSERT INTO events (id, trigger, received_at, data, dedupe_key) SELECT ?, ?, ?, ?, ? FROM serialised
                ON CONFLICT (dedupe_key) DO NOTHING RETURNING sequence),
            notified AS (SELECT pg_notify(?, ?) FROM inserted)
            SELECT inserted.*, (SELECT COUNT(*) FROM notified) AS notified FROM inserted
            """, [.integer(appendLock), .text(id), .text(event.trigger), StoreValue(event.receivedAt),
                  .text(event.data.compactText), StoreValue(event.dedupeKey), .text(channel), .text(StoreChange.events.rawValue)]))
        if let inserted = inserted.first {
            broadcaster.signal(.events)
            return .appended(event.stored(id: id, sequence: try inserted.integer("sequence")))
        }
        guard let key = event.dedupeKey,
              let existing = try await records("reading a \(event.trigger) event", StoreSQL.event(dedupeKey: key)).first else {
            throw StoreError("storing a \(event.trigger) event (\(location)): it was neither stored nor found")
        }
        return .duplicate(try existing.event())
    }

    /// `statement` (which returns the rows it changed), notifying `change` when it changed any.
    func notifying(_ statement: StoreStatement, _ change: StoreChange) -> StoreStatement {
        StoreStatement("""
            WITH changed AS (\(statement.sql)), notified AS (SELECT pg_notify(?, ?) FROM changed LIMIT 1)
            SELECT changed.*, (SELECT COUNT(*) FROM notified) AS notified FROM changed
            """, statement.arguments + [.text(channel), .text(change.rawValue)])
    }

    public func events(_ query: EventQuery) async throws(StoreError) -> [TriggerEvent] {
        try await records("reading events", StoreSQL.events(query)).map { record throws(StoreError) in try record.event() }
    }

    public func event(id: String) async throws(StoreError) -> TriggerEvent? {
        try await records("reading event \(id)", StoreSQL.event(id: id)).first?.event()
    }

    public func latestSequence() async throws(StoreError) -> Int64 {
        try await records("reading the newest event", StoreSQL.latestSequence).first?.integer("latest") ?? 0
    }

    // MARK: Subscriptions

    public func createSubscription(_ subscription: Subscription) async throws(StoreError) {
        _ = try await records("storing subscription \(subscription.id)", StoreSQL.insertSubscription(subscription))
    }

    public func subscriptions() async throws(StoreError) -> [Subscription] {
        try await records("reading subscriptions", StoreSQL.subscriptions()).map { record throws(StoreError) in try record.subscription() }
    }

    public func subscription(id: String) async throws(StoreError) -> Subscription? {
        try await records("reading subscription \(id)", StoreSQL.subscription(id: id)).first?.subscription()
    }

    public func deleteSubscription(id: String) async throws(StoreError) -> Bool {
        let logger = logger
        return try await transaction("deleting subscription \(id)") { connection in
            var deleted: [StoreRecord] = []
            for statement in StoreSQL.deleteSubscription(id: id) { deleted = try await connection.records(statement, logger: logger) }
            return !deleted.isEmpty
        }
    }

    // MARK: Deliveries

    public func planDeliveries(now: Date, batchSize: Int,
                               matches: @escaping @Sendable (Subscription, TriggerEvent) -> Bool) async throws(StoreError) -> Int {
        guard try await records("planning deliveries", StoreSQL.subscriptionsBehind).first?.integer("behind") ?? 0 > 0 else { return 0 }
        let logger = logger
        return try await transaction("planning deliveries", signalling: .deliveries) { connection in
            var planned = 0
            // Subscriptions another instance is planning are locked by it, and skipped here.
            for record in try await connection.records(StoreSQL.subscriptions(.postgres), logger: logger) {
                let subscription = try record.subscription()
                let events = try await connection.records(StoreSQL.events(trigger: subscription.trigger, after: subscription.cursor,
                                                                          limit: batchSize), logger: logger).map { try $0.event() }
                guard let last = events.last else { continue }
                let matching = events.filter { matches(subscription, $0) }
                if !matching.isEmpty {
                    planned += try await connection.records(StoreSQL.planDeliveries(subscriptionID: subscription.id, events: matching, now: now),
                                                            logger: logger).count
                }
                try await connection.run([StoreSQL.moveCursor(subscriptionID: subscription.id, to: last.sequence)], logger: logger)
            }
            return (planned, planned > 0)
        }
    }

    public func leaseDueDeliveries(now: Date, limit: Int, owner: String, leaseDuration: Duration) async throws(StoreError) -> [LeasedDelivery] {
        // One statement: the claimed rows' other columns are read as they were, which is all it needs.
        let lease = StoreSQL.leaseDueDeliveries(now: now, limit: limit, owner: owner, expiresAt: now + leaseDuration, .postgres)
        let leased = StoreSQL.leasedDeliveries(idsIn: StoreStatement("(SELECT id FROM leased)"))
        return try await records("leasing deliveries", StoreStatement("WITH leased AS (\(lease.sql)) \(leased.sql)", lease.arguments))
            .map { record throws(StoreError) in try record.leasedDelivery() }
    }

    public func recordAttempt(deliveryID: String, owner: String, attempt: DeliveryAttempt,
                              next: DeliveryNextStep) async throws(StoreError) -> Bool {
        var statement = StoreSQL.recordAttempt(deliveryID: deliveryID, owner: owner, attempt: attempt, next: next)
        guard case .retry = next else { return try await !records("recording delivery \(deliveryID)", statement).isEmpty }
        statement = notifying(statement, .deliveries)
        let recorded = try await !records("recording delivery \(deliveryID)", statement).isEmpty
        if recorded { broadcaster.signal(.deliveries) }
        return recorded
    }

    public func deliveries(subscriptionID: String, limit: Int) async throws(StoreError) -> [Delivery] {
        try await records("reading deliveries", StoreSQL.deliveries(subscriptionID: subscriptionID, limit: limit))
            .map { record throws(StoreError) in try record.delivery() }
    }

    public func nextDeliveryDue() async throws(StoreError) -> Date? {
        try await records("reading the next delivery", StoreSQL.nextDeliveryDue).first?.optionalDate("due")
    }

    public func redeliver(eventID: String, subscriptionIDs: [String], now: Date) async throws(StoreError) -> [Delivery] {
        let logger = logger
        return try await transaction("redelivering \(eventID)", signalling: .deliveries) { connection in
            guard let sequence = try await connection.record(StoreSQL.eventSequence(id: eventID), logger: logger)?.integer("sequence") else {
                return ([], false)
            }
            var deliveries: [Delivery] = []
            for subscriptionID in subscriptionIDs {
                var rows: [StoreRecord] = []
                for statement in StoreSQL.redeliver(eventID: eventID, sequence: sequence, subscriptionID: subscriptionID, now: now) {
                    rows = try await connection.records(statement, logger: logger)
                }
                if let delivery = try rows.first?.delivery() { deliveries.append(delivery) }
            }
            return (deliveries, !deliveries.isEmpty)
        }
    }
}
