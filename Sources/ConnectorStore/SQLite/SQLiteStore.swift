import Foundation
import GRDB
import TwilioKit

/// The embedded store: one SQLite file (GRDB, WAL), the default for a single instance. Writes are
/// serialised by SQLite, so planning and leasing need no further locking — also between several
/// processes sharing the file; changes are signalled to this process's waiters (others notice
/// them by polling, see ``ConnectorStore/changes()``).
public final class SQLiteStore: ConnectorStore {
    private let database: DatabasePool
    private let broadcaster: ChangeBroadcaster
    /// Events appended together, a transaction for all that arrive while the previous is written.
    private let appends: GroupCommit<NewTriggerEvent, EventAppendResult, Database>
    /// Copies the write-ahead log into the database file, off the commits' path.
    private let checkpointer: WALCheckpointer
    /// The file, for messages.
    public let path: String

    /// Opens (or creates) the store at `path` and brings its schema up to date; its write-ahead log
    /// is checkpointed as `checkpoints` says (see ``WALCheckpointPolicy``).
    public init(path: String, checkpoints: WALCheckpointPolicy = .standard) throws(StoreError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { database in
                try database.execute(sql: "PRAGMA synchronous = NORMAL")
                try database.execute(sql: "PRAGMA busy_timeout = 5000")
                try WALCheckpointer.disableAutomaticCheckpoints(database)
            }
            let database = try DatabasePool(path: path, configuration: configuration)
            try SQLiteMigrations.migrator.migrate(database)
            checkpointer = try WALCheckpointer(path: path, configuration: configuration, policy: checkpoints)
            let broadcaster = ChangeBroadcaster()
            (self.database, self.broadcaster) = (database, broadcaster)
            appends = GroupCommit(schedule: { job in database.asyncWriteWithoutTransaction(job) }) { database, events throws(StoreError) in
                var results: [EventAppendResult] = []
                do {
                    try database.inTransaction {
                        results = try events.map { event in try Self.append(event, in: database) }
                        return .commit
                    }
                } catch {
                    throw StoreError("storing \(events.count) events: \(error)")
                }
                if results.contains(where: { !$0.isDuplicate }) { broadcaster.signal(.events) }
                return results
            }
        } catch {
            throw StoreError("the store file \(path) cannot be used: \(error)")
        }
    }

    /// Runs `body` in a write transaction; signals `change` to this process's waiters when
    /// `body` says something changed.
    func write<T: Sendable>(_ what: @autoclosure () -> String, signalling change: StoreChange? = nil,
                            _ body: @escaping @Sendable (Database) throws -> (T, changed: Bool)) async throws(StoreError) -> T {
        let result: (T, changed: Bool)
        do { result = try await database.write(body) } catch { throw StoreError("\(what()): \(error)") }
        if result.changed, let change { broadcaster.signal(change) }
        return result.0
    }

    /// Runs `body` in a write transaction that signals nothing.
    func write<T: Sendable>(_ what: @autoclosure () -> String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        try await write(what(), signalling: nil) { database in (try body(database), false) }
    }

    func read<T: Sendable>(_ what: @autoclosure () -> String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await database.read(body) } catch { throw StoreError("\(what()): \(error)") }
    }

    public func changes() -> AsyncStream<StoreChange> { broadcaster.stream() }

    public func close() async {}

    // MARK: Events

    public func append(_ event: NewTriggerEvent) async throws(StoreError) -> EventAppendResult {
        try await appends.submit(event)
    }

    /// Appends `event` in `database`'s transaction, or finds the event stored with its dedupe key.
    private static func append(_ event: NewTriggerEvent, in database: Database) throws -> EventAppendResult {
        let id = StoreIdentifier.make("evt")
        if let inserted = try database.record(StoreSQL.insertEvent(id: id, event)) {
            return .appended(event.stored(id: id, sequence: try inserted.integer("sequence")))
        }
        guard let key = event.dedupeKey, let existing = try database.record(StoreSQL.event(dedupeKey: key)) else {
            throw StoreError("the \(event.trigger) event was neither stored nor found")
        }
        return .duplicate(try existing.event())
    }

    public func events(_ query: EventQuery) async throws(StoreError) -> [TriggerEvent] {
        try await read("reading events") { database in try database.records(StoreSQL.events(query)).map { try $0.event() } }
    }

    public func event(id: String) async throws(StoreError) -> TriggerEvent? {
        try await read("reading event \(id)") { database in try database.record(StoreSQL.event(id: id))?.event() }
    }

    public func latestSequence() async throws(StoreError) -> Int64 {
        try await read("reading the newest event") { database in try database.record(StoreSQL.latestSequence)?.integer("latest") ?? 0 }
    }

    // MARK: Subscriptions

    public func createSubscription(_ subscription: Subscription) async throws(StoreError) {
        try await write("storing subscription \(subscription.id)") { database in try database.run([StoreSQL.insertSubscription(subscription)]) }
    }

    public func subscriptions() async throws(StoreError) -> [Subscription] {
        try await read("reading subscriptions") { database in try database.records(StoreSQL.subscriptions()).map { try $0.subscription() } }
    }

    public func subscription(id: String) async throws(StoreError) -> Subscription? {
        try await read("reading subscription \(id)") { database in try database.record(StoreSQL.subscription(id: id))?.subscription() }
    }

    public func deleteSubscription(id: String) async throws(StoreError) -> Bool {
        try await write("deleting subscription \(id)") { database in
            try StoreSQL.deleteSubscription(id: id).map { try database.records($0) }.last?.isEmpty == false
        }
    }

    // MARK: Deliveries

    public func planDeliveries(now: Date, batchSize: Int,
                               matches: @escaping @Sendable (Subscription, TriggerEvent) -> Bool) async throws(StoreError) -> Int {
        guard try await read("planning deliveries", { database in try database.record(StoreSQL.subscriptionsBehind)?.integer("behind") ?? 0 }) > 0 else {
            return 0
        }
        return try await write("planning deliveries", signalling: .deliveries) { database in
            var planned = 0
            for subscription in try database.records(StoreSQL.subscriptions()).map({ try $0.subscription() }) {
                let events = try database.records(StoreSQL.events(trigger: subscription.trigger, after: subscription.cursor, limit: batchSize))
                    .map { try $0.event() }
                guard let last = events.last else { continue }
                let matching = events.filter { matches(subscription, $0) }
                if !matching.isEmpty {
                    planned += try database.records(StoreSQL.planDeliveries(subscriptionID: subscription.id, events: matching, now: now)).count
                }
                try database.run([StoreSQL.moveCursor(subscriptionID: subscription.id, to: last.sequence)])
            }
            return (planned, planned > 0)
        }
    }

    public func leaseDueDeliveries(now: Date, limit: Int, owner: String, leaseDuration: Duration) async throws(StoreError) -> [LeasedDelivery] {
        try await write("leasing deliveries") { database in
            let ids = try database.records(StoreSQL.leaseDueDeliveries(now: now, limit: limit, owner: owner,
                                                                        expiresAt: now + leaseDuration, .sqlite)).map { try $0.text("id") }
            if ids.isEmpty { return [] }
            return try database.records(StoreSQL.leasedDeliveries(ids: ids)).map { try $0.leasedDelivery() }
        }
    }

    public func recordAttempt(deliveryID: String, owner: String, attempt: DeliveryAttempt,
                              next: DeliveryNextStep) async throws(StoreError) -> Bool {
        try await write("recording delivery \(deliveryID)", signalling: .deliveries) { database in
            let recorded = try !database.records(StoreSQL.recordAttempt(deliveryID: deliveryID, owner: owner, attempt: attempt, next: next)).isEmpty
            if case .retry = next { return (recorded, recorded) }
            return (recorded, false)
        }
    }

    public func deliveries(subscriptionID: String, limit: Int) async throws(StoreError) -> [Delivery] {
        try await read("reading deliveries") { database in
            try database.records(StoreSQL.deliveries(subscriptionID: subscriptionID, limit: limit)).map { try $0.delivery() }
        }
    }

    public func nextDeliveryDue() async throws(StoreError) -> Date? {
        try await read("reading the next delivery") { database in try database.record(StoreSQL.nextDeliveryDue)?.optionalDate("due") }
    }

    public func redeliver(eventID: String, subscriptionIDs: [String], now: Date) async throws(StoreError) -> [Delivery] {
        try await write("redelivering \(eventID)", signalling: .deliveries) { database in
            guard let sequence = try database.record(StoreSQL.eventSequence(id: eventID))?.integer("sequence") else { return ([], false) }
            let deliveries = try subscriptionIDs.compactMap { subscriptionID in
                try StoreSQL.redeliver(eventID: eventID, sequence: sequence, subscriptionID: subscriptionID, now: now)
                    .map { try database.records($0) }.last?.first?.delivery()
            }
            return (deliveries, !deliveries.isEmpty)
        }
    }
}
