import Foundation
import TwilioKit

/// The store's statements for events, subscriptions and deliveries, written once for both
/// backends: each backend runs them in its own transactions, adding only what ``SQLDialect``
/// says differs.
enum StoreSQL {
    // MARK: Events

    static let eventColumns = "sequence, id, trigger, received_at, data"

    /// Inserts an event unless its dedupe key is taken; returns its sequence when inserted (the
    /// rest is what was inserted: ``NewTriggerEvent/stored(id:sequence:)``).
    static func insertEvent(id: String, _ event: NewTriggerEvent) -> StoreStatement {
        StoreStatement("""
            INSERT INTO events (id, trigger, received_at, data, dedupe_key) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING sequence
            """, [.text(id), .text(event.trigger), StoreValue(event.receivedAt), .text(event.data.compactText), StoreValue(event.dedupeKey)])
    }

    static func event(dedupeKey: String) -> StoreStatement {
        StoreStatement("SELECT \(eventColumns) FROM events WHERE dedupe_key = ?", [.text(dedupeKey)])
    }

    static func event(id: String) -> StoreStatement {
        StoreStatement("SELECT \(eventColumns) FROM events WHERE id = ?", [.text(id)])
    }

    static func events(_ query: EventQuery) -> StoreStatement {
        events(trigger: query.trigger, after: query.after, limit: query.limit)
    }

    static func events(trigger: String?, after: Int64, limit: Int) -> StoreStatement {
        if let trigger {
            return StoreStatement("SELECT \(eventColumns) FROM events WHERE trigger = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                                  [.text(trigger), .integer(after), StoreValue(limit)])
        }
        return StoreStatement("SELECT \(eventColumns) FROM events WHERE sequence > ? ORDER BY sequence LIMIT ?",
                              [.integer(after), StoreValue(limit)])
    }

    static let latestSequence = StoreStatement("SELECT COALESCE(MAX(sequence), 0) AS latest FROM events")

    // MARK: Subscriptions

    static let subscriptionColumns = "id, trigger, url, filter, dialect, secret, retry_schedule, created_at, cursor"

    static func insertSubscription(_ subscription: Subscription) -> StoreStatement {
        StoreStatement("INSERT INTO subscriptions (\(subscriptionColumns)) VALUES \(StoreStatement.placeholders(9))", [
            .text(subscription.id), .text(subscription.trigger), .text(subscription.url),
            .text(JSONValue.object(subscription.filter).compactText), .text(subscription.dialect), .text(subscription.secret),
            .text(subscription.retrySchedule.map(String.init).joined(separator: ",")), StoreValue(subscription.createdAt),
            .integer(subscription.cursor),
        ])
    }

    /// Every subscription, oldest first; on PostgreSQL, those no other planner holds, locked.
    static func subscriptions(_ dialect: SQLDialect = .sqlite) -> StoreStatement {
        StoreStatement("SELECT \(subscriptionColumns) FROM subscriptions ORDER BY created_at, id\(dialect.lockingSkipLocked)")
    }

    static func subscription(id: String) -> StoreStatement {
        StoreStatement("SELECT \(subscriptionColumns) FROM subscriptions WHERE id = ?", [.text(id)])
    }

    static func deleteSubscription(id: String) -> [StoreStatement] {
        [StoreStatement("DELETE FROM deliveries WHERE subscription_id = ?", [.text(id)]),
         StoreStatement("DELETE FROM subscriptions WHERE id = ? RETURNING id", [.text(id)])]
    }

    static func moveCursor(subscriptionID: String, to sequence: Int64) -> StoreStatement {
        StoreStatement("UPDATE subscriptions SET cursor = ? WHERE id = ?", [.integer(sequence), .text(subscriptionID)])
    }

    // MARK: Deliveries

    static let deliveryColumns = "id, subscription_id, event_id, status, attempts, next_attempt_at, last_attempt, created_at"

    /// Pending deliveries of `events` to a subscription, due `now`; returns the ids of those
    /// created (an event already planned for it is skipped).
    static func planDeliveries(subscriptionID: String, events: [TriggerEvent], now: Date) -> StoreStatement {
        let rows = Array(repeating: "(?, ?, ?, ?, 'pending', 0, ?, ?)", count: events.count).joined(separator: ", ")
        return StoreStatement("""
            INSERT INTO deliveries (id, subscription_id, event_id, event_sequence, status, attempts, next_attempt_at, created_at)
            VALUES \(rows) ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id
            """, events.flatMap { event -> [StoreValue] in
                [.text(StoreIdentifier.make("dlv")), .text(subscriptionID), .text(event.id), .integer(event.sequence), StoreValue(now), StoreValue(now)]
            })
    }

    /// Claims up to `limit` due deliveries whose lease is free or expired; returns their ids.
    static func leaseDueDeliveries(now: Date, limit: Int, owner: String, expiresAt: Date, _ dialect: SQLDialect) -> StoreStatement {
        StoreStatement("""
            UPDATE deliveries SET lease_owner = ?, lease_expires_at = ? WHERE id IN (
                SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?
                AND (lease_expires_at IS NULL OR lease_expires_at <= ?) ORDER BY next_attempt_at, event_sequence LIMIT ?\(dialect.lockingSkipLocked))
            RETURNING id
            """, [.text(owner), StoreValue(expiresAt), StoreValue(now), StoreValue(now), StoreValue(limit)])
    }

    /// The deliveries with `ids`, each with its event (`e_…` columns) and subscription (`s_…`).
    static func leasedDeliveries(ids: [String]) -> StoreStatement {
        leasedDeliveries(idsIn: StoreStatement(StoreStatement.placeholders(ids.count), ids.map(StoreValue.text)))
    }

    /// The deliveries whose ids `ids` lists (`(?, ?)` or `(SELECT …)`), each with its event
    /// (`e_…` columns) and subscription (`s_…`).
    static func leasedDeliveries(idsIn ids: StoreStatement) -> StoreStatement {
        func prefixed(_ columns: String, _ table: String) -> String {
            columns.split(separator: ",").map { column in
                let name = column.trimmingCharacters(in: .whitespaces)
                return "\(table).\(name) AS \(table)_\(name)"
            }.joined(separator: ", ")
        }
        return StoreStatement("""
            SELECT \(prefixed(deliveryColumns, "d")), \(prefixed(eventColumns, "e")), \(prefixed(subscriptionColumns, "s"))
            FROM deliveries d JOIN events e ON e.id = d.event_id JOIN subscriptions s ON s.id = d.subscription_id
            WHERE d.id IN \(ids.sql) ORDER BY d.next_attempt_at, d.event_sequence
            """, ids.arguments)
    }

    /// How many subscriptions have events after their cursor (nothing to plan when none).
    static let subscriptionsBehind = StoreStatement("""
        SELECT COUNT(*) AS behind FROM subscriptions s WHERE EXISTS (SELECT 1 FROM events e WHERE e.trigger = s.trigger AND e.sequence > s.cursor)
        """)

    static func recordAttempt(deliveryID: String, owner: String, attempt: DeliveryAttempt, next: DeliveryNextStep) -> StoreStatement {
        let (status, nextAttempt): (Delivery.Status, Date?) = switch next {
        case .delivered: (.delivered, nil)
        case .retry(let at): (.pending, at)
        case .fail: (.failed, nil)
        }
        return StoreStatement("""
            UPDATE deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_attempt = ?,
            lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND lease_owner = ? RETURNING id
            """, [.text(status.rawValue), StoreValue(nextAttempt), .text(StoreRecord.text(attempt)), .text(deliveryID), .text(owner)])
    }

    static func deliveries(subscriptionID: String, limit: Int) -> StoreStatement {
        StoreStatement("SELECT \(deliveryColumns) FROM deliveries WHERE subscription_id = ? ORDER BY event_sequence DESC LIMIT ?",
                       [.text(subscriptionID), StoreValue(limit)])
    }

    static let nextDeliveryDue = StoreStatement("""
        SELECT MIN(CASE WHEN lease_expires_at > next_attempt_at THEN lease_expires_at ELSE next_attempt_at END) AS due
        FROM deliveries WHERE status = 'pending'
        """)

    static func eventSequence(id: String) -> StoreStatement {
        StoreStatement("SELECT sequence FROM events WHERE id = ?", [.text(id)])
    }

    /// Makes the delivery of an event to a subscription pending again, due `now`, creating it if needed.
    static func redeliver(eventID: String, sequence: Int64, subscriptionID: String, now: Date) -> [StoreStatement] {
        [StoreStatement("""
            INSERT INTO deliveries (id, subscription_id, event_id, event_sequence, status, attempts, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)
            ON CONFLICT (subscription_id, event_id) DO UPDATE SET status = 'pending', attempts = 0,
            next_attempt_at = excluded.next_attempt_at, lease_owner = NULL, lease_expires_at = NULL
            """, [.text(StoreIdentifier.make("dlv")), .text(subscriptionID), .text(eventID), .integer(sequence), StoreValue(now), StoreValue(now)]),
         StoreStatement("SELECT \(deliveryColumns) FROM deliveries WHERE subscription_id = ? AND event_id = ?",
                        [.text(subscriptionID), .text(eventID)])]
    }
}
