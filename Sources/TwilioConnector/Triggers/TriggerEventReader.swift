import ConnectorStore
import TwilioKit

/// Reads a trigger's events from the store for engines and agents — a page after a cursor, or
/// the next ones as they arrive — applying the trigger's filters.
public struct TriggerEventReader: Sendable {
    /// A page of events and the cursor to continue after.
    public struct Page: Sendable {
        /// The matching events, oldest first.
        public let events: [TriggerEvent]
        /// The cursor after the last event read (matching or not).
        public let next: EventCursor
    }

    let store: any ConnectorStore

    /// Creates a reader of `store`.
    public init(store: any ConnectorStore) {
        self.store = store
    }

    /// Up to `limit` events of `trigger` after `cursor` that pass `filter`.
    public func page(_ trigger: TriggerDefinition, after cursor: EventCursor, limit: Int,
                     filter: [String: JSONValue] = [:]) async throws(StoreError) -> Page {
        var matching: [TriggerEvent] = []
        var next = cursor
        while matching.count < limit {
            let batch = try await store.events(EventQuery(trigger: trigger.name, after: next.sequence, limit: max(limit, 100)))
            for event in batch {
                next = EventCursor(sequence: event.sequence)
                if trigger.matches(event.data, filter: filter) {
                    matching.append(event)
                    if matching.count == limit { return Page(events: matching, next: next) }
                }
            }
            if batch.count < max(limit, 100) { break }
        }
        return Page(events: matching, next: next)
    }

    /// The next events of `trigger` after `cursor` passing `filter`: at once if there are some,
    /// otherwise as soon as one arrives; an empty page when `timeout` passes first or the task is
    /// cancelled. The store is read again on each change signal and at least every
    /// `pollInterval`, since another process may append to a store that cannot signal it.
    public func next(_ trigger: TriggerDefinition, after cursor: EventCursor, limit: Int, filter: [String: JSONValue] = [:],
                     timeout: Duration, pollInterval: Duration = .seconds(1)) async throws(StoreError) -> Page {
        let deadline = ContinuousClock.now + timeout
        var cursor = cursor
        while true {
            // Listening before reading: an event appended in between still wakes the wait. Each
            // wait has its own stream, since ending a wait ends the stream it listened to.
            let changes = store.changes()
            let page = try await page(trigger, after: cursor, limit: limit, filter: filter)
            if !page.events.isEmpty { return page }
            cursor = page.next
            guard ContinuousClock.now < deadline, !Task.isCancelled else { return page }
            await StoreChangeWait.next(changes, of: [.events], until: min(deadline, .now + pollInterval))
        }
    }
}
