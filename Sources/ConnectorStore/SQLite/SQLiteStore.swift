import Foundation
import GRDB
import TwilioKit

/// The embedded store: one SQLite file (GRDB, WAL), the default for a single instance. Writes are
/// serialised by SQLite, so planning and leasing need no further locking; changes are signalled to
/// this process's waiters.
public final class SQLiteStore: ConnectorStore {
    private let database: DatabasePool
    private let broadcaster = ChangeBroadcaster()
    /// The file, for messages.
    public let path: String

    /// Opens (or creates) the store at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { database in
                try database.execute(sql: "PRAGMA synchronous = NORMAL")
                try database.execute(sql: "PRAGMA busy_timeout = 5000")
            }
            database = try DatabasePool(path: path, configuration: configuration)
            try SQLiteMigrations.migrator.migrate(database)
        } catch {
            throw StoreError("the store file \(path) cannot be used: \(error)")
        }
    }

    private func write<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await database.write(body) } catch { throw StoreError("\(what): \(error)") }
    }

    private func read<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await database.read(body) } catch { throw StoreError("\(what): \(error)") }
    }

    public func changes() -> AsyncStream<StoreChange> { broadcaster.stream() }

    // MARK: Events

    public func append(_ event: NewTriggerEvent) async throws(StoreError) -> EventAppendResult {
        let result = try await write("storing a \(event.trigger) event") { database -> EventAppendResult in
            if let key = event.dedupeKey,
               let row = try Row.fetchOne(database, sql: "\(Self.eventColumns) WHERE dedupe_key = ?", arguments: [key]) {
                return .duplicate(try Self.event(row))
            }
            let id = StoreIdentifier.make("evt")
            try database.execute(sql: """
                INSERT INTO events (id, trigger, received_at, data, dedupe_key) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, event.trigger, event.receivedAt.storeMilliseconds, event.data.compactText, event.dedupeKey])
            return .appended(TriggerEvent(id: id, sequence: database.lastInsertedRowID, trigger: event.trigger,
                                          receivedAt: Date(storeMilliseconds: event.receivedAt.storeMilliseconds), data: event.data))
        }
        if case .appended = result { broadcaster.signal(.events) }
        return result
    }

    public func events(_ query: EventQuery) async throws(StoreError) -> [TriggerEvent] {
        try await read("reading events") { database in
            let rows = if let trigger = query.trigger {
                try Row.fetchAll(database, sql: "\(Self.eventColumns) WHERE trigger = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                                 arguments: [trigger, query.after, query.limit])
            } else {
                try Row.fetchAll(database, sql: "\(Self.eventColumns) WHERE sequence > ? ORDER BY sequence LIMIT ?",
                                 arguments: [query.after, query.limit])
            }
            return try rows.map(Self.event)
        }
    }

    public func event(id: String) async throws(StoreError) -> TriggerEvent? {
        try await read("reading event \(id)") { database in
            try Row.fetchOne(database, sql: "\(Self.eventColumns) WHERE id = ?", arguments: [id]).map(Self.event)
        }
    }

    public func latestSequence() async throws(StoreError) -> Int64 {
        try await read("reading the newest event") { database in
            try Int64.fetchOne(database, sql: "SELECT MAX(sequence) FROM events") ?? 0
        }
    }

    static let eventColumns = "SELECT sequence, id, trigger, received_at, data FROM events"

    static func event(_ row: Row) throws -> TriggerEvent {
        let text: String = row["data"]
        return TriggerEvent(id: row["id"], sequence: row["sequence"], trigger: row["trigger"],
                            receivedAt: Date(storeMilliseconds: row["received_at"]), data: try JSONParser.parse(text))
    }

    // MARK: Subscriptions

    public func createSubscription(_ subscription: Subscription) async throws(StoreError) {
        try await write("storing subscription \(subscription.id)") { database in
            try database.execute(sql: """
                INSERT INTO subscriptions (id, trigger, url, filter, dialect, secret, retry_schedule, created_at, cursor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [subscription.id, subscription.trigger, subscription.url, JSONValue.object(subscription.filter).compactText,
                                 subscription.dialect, subscription.secret, subscription.retrySchedule.map(String.init).joined(separator: ","),
                                 subscription.createdAt.storeMilliseconds, subscription.cursor])
        }
    }

    public func subscriptions() async throws(StoreError) -> [Subscription] {
        try await read("reading subscriptions") { database in
            try Row.fetchAll(database, sql: "\(Self.subscriptionColumns) ORDER BY created_at, rowid").map(Self.subscription)
        }
    }

    public func subscription(id: String) async throws(StoreError) -> Subscription? {
        try await read("reading subscription \(id)") { database in
            try Row.fetchOne(database, sql: "\(Self.subscriptionColumns) WHERE id = ?", arguments: [id]).map(Self.subscription)
        }
    }

    public func deleteSubscription(id: String) async throws(StoreError) -> Bool {
        try await write("deleting subscription \(id)") { database in
            try database.execute(sql: "DELETE FROM deliveries WHERE subscription_id = ?", arguments: [id])
            try database.execute(sql: "DELETE FROM subscriptions WHERE id = ?", arguments: [id])
            return database.changesCount > 0
        }
    }

    static let subscriptionColumns = "SELECT id, trigger, url, filter, dialect, secret, retry_schedule, created_at, cursor FROM subscriptions"

    static func subscription(_ row: Row) throws -> Subscription {
        let filter: String = row["filter"]
        let schedule: String = row["retry_schedule"]
        return Subscription(
            id: row["id"], trigger: row["trigger"], url: row["url"], filter: try JSONParser.parse(filter).objectFields ?? [:],
            dialect: row["dialect"], secret: row["secret"],
            retrySchedule: schedule.split(separator: ",").compactMap { Int($0) },
            createdAt: Date(storeMilliseconds: row["created_at"]), cursor: row["cursor"])
    }

    // MARK: Deliveries

    public func planDeliveries(now: Date, batchSize: Int,
                               matches: @escaping @Sendable (Subscription, TriggerEvent) -> Bool) async throws(StoreError) -> Int {
        let planned = try await write("planning deliveries") { database -> Int in
            var planned = 0
            for subscription in try Row.fetchAll(database, sql: Self.subscriptionColumns).map(Self.subscription) {
                let events = try Row.fetchAll(database, sql: "\(Self.eventColumns) WHERE trigger = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                                              arguments: [subscription.trigger, subscription.cursor, batchSize]).map(Self.event)
                guard let last = events.last else { continue }
                for event in events where matches(subscription, event) {
                    try database.execute(sql: """
                        INSERT INTO deliveries (id, subscription_id, event_id, event_sequence, status, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (subscription_id, event_id) DO NOTHING
                        """, arguments: [StoreIdentifier.make("dlv"), subscription.id, event.id, event.sequence,
                                         now.storeMilliseconds, now.storeMilliseconds])
                    planned += database.changesCount
                }
                try database.execute(sql: "UPDATE subscriptions SET cursor = ? WHERE id = ?", arguments: [last.sequence, subscription.id])
            }
            return planned
        }
        if planned > 0 { broadcaster.signal(.deliveries) }
        return planned
    }

    public func leaseDueDeliveries(now: Date, limit: Int, owner: String, leaseDuration: Duration) async throws(StoreError) -> [LeasedDelivery] {
        try await write("leasing deliveries") { database in
            let ids = try String.fetchAll(database, sql: """
                SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?
                AND (lease_expires_at IS NULL OR lease_expires_at <= ?) ORDER BY next_attempt_at, event_sequence LIMIT ?
                """, arguments: [now.storeMilliseconds, now.storeMilliseconds, limit])
            var leased: [LeasedDelivery] = []
            for id in ids {
                try database.execute(sql: "UPDATE deliveries SET lease_owner = ?, lease_expires_at = ? WHERE id = ?",
                                     arguments: [owner, now.storeMilliseconds + leaseDuration.milliseconds, id])
                guard let row = try Row.fetchOne(database, sql: "\(Self.deliveryColumns) WHERE id = ?", arguments: [id]) else { continue }
                let delivery = try Self.delivery(row)
                guard let event = try Row.fetchOne(database, sql: "\(Self.eventColumns) WHERE id = ?", arguments: [delivery.eventID]).map(Self.event),
                      let subscription = try Row.fetchOne(database, sql: "\(Self.subscriptionColumns) WHERE id = ?",
                                                          arguments: [delivery.subscriptionID]).map(Self.subscription)
                else { continue }
                leased.append(LeasedDelivery(delivery: delivery, event: event, subscription: subscription))
            }
            return leased
        }
    }

    public func recordAttempt(deliveryID: String, owner: String, attempt: DeliveryAttempt,
                              next: DeliveryNextStep) async throws(StoreError) -> Bool {
        let (status, nextAttempt): (Delivery.Status, Int64?) = switch next {
        case .delivered: (.delivered, nil)
        case .retry(let at): (.pending, at.storeMilliseconds)
        case .fail: (.failed, nil)
        }
        let recorded = try await write("recording delivery \(deliveryID)") { database in
            try database.execute(sql: """
                UPDATE deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_attempt = ?,
                lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND lease_owner = ?
                """, arguments: [status.rawValue, nextAttempt, try Self.text(attempt), deliveryID, owner])
            return database.changesCount > 0
        }
        if recorded, case .retry = next { broadcaster.signal(.deliveries) }
        return recorded
    }

    public func deliveries(subscriptionID: String, limit: Int) async throws(StoreError) -> [Delivery] {
        try await read("reading deliveries") { database in
            try Row.fetchAll(database, sql: "\(Self.deliveryColumns) WHERE subscription_id = ? ORDER BY event_sequence DESC LIMIT ?",
                             arguments: [subscriptionID, limit]).map(Self.delivery)
        }
    }

    public func nextDeliveryDue() async throws(StoreError) -> Date? {
        try await read("reading the next delivery") { database in
            try Int64.fetchOne(database, sql: "SELECT MIN(next_attempt_at) FROM deliveries WHERE status = 'pending'")
                .map(Date.init(storeMilliseconds:))
        }
    }

    public func redeliver(eventID: String, subscriptionIDs: [String], now: Date) async throws(StoreError) -> [Delivery] {
        let deliveries = try await write("redelivering \(eventID)") { database -> [Delivery] in
            guard let sequence = try Int64.fetchOne(database, sql: "SELECT sequence FROM events WHERE id = ?", arguments: [eventID]) else { return [] }
            var deliveries: [Delivery] = []
            for subscriptionID in subscriptionIDs {
                try database.execute(sql: """
                    INSERT INTO deliveries (id, subscription_id, event_id, event_sequence, status, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)
                    ON CONFLICT (subscription_id, event_id) DO UPDATE SET status = 'pending', attempts = 0,
                    next_attempt_at = excluded.next_attempt_at, lease_owner = NULL, lease_expires_at = NULL
                    """, arguments: [StoreIdentifier.make("dlv"), subscriptionID, eventID, sequence, now.storeMilliseconds, now.storeMilliseconds])
                if let row = try Row.fetchOne(database, sql: "\(Self.deliveryColumns) WHERE subscription_id = ? AND event_id = ?",
                                              arguments: [subscriptionID, eventID]) {
                    deliveries.append(try Self.delivery(row))
                }
            }
            return deliveries
        }
        if !deliveries.isEmpty { broadcaster.signal(.deliveries) }
        return deliveries
    }

    static let deliveryColumns = """
        SELECT id, subscription_id, event_id, status, attempts, next_attempt_at, last_attempt, created_at FROM deliveries
        """

    static func delivery(_ row: Row) throws -> Delivery {
        let lastAttempt: String? = row["last_attempt"]
        let nextAttempt: Int64? = row["next_attempt_at"]
        let status: String = row["status"]
        return Delivery(
            id: row["id"], subscriptionID: row["subscription_id"], eventID: row["event_id"],
            status: Delivery.Status(rawValue: status) ?? .pending, attempts: row["attempts"],
            nextAttemptAt: status == Delivery.Status.pending.rawValue ? nextAttempt.map(Date.init(storeMilliseconds:)) : nil,
            lastAttempt: try lastAttempt.map { try JSONDecoder().decode(DeliveryAttempt.self, from: Data($0.utf8)) },
            createdAt: Date(storeMilliseconds: row["created_at"]))
    }

    static func text(_ attempt: DeliveryAttempt) throws -> String {
        String(decoding: try JSONEncoder().encode(attempt), as: UTF8.self)
    }
}
