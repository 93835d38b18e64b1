import Foundation
import TwilioKit

/// An event to commit: what a trigger received.
public struct NewTriggerEvent: Sendable {
    /// The trigger's core name (`newSms`).
    public var trigger: String
    /// When the connector received it.
    public var receivedAt: Date
    /// The trigger's output, in the core (camelCase) naming.
    public var data: JSONValue
    /// What makes it the same event when it arrives again (`newSms:SM…`): a second event with the
    /// same key is not stored.
    public var dedupeKey: String?

    /// Creates an event.
    public init(trigger: String, receivedAt: Date, data: JSONValue, dedupeKey: String?) {
        self.trigger = trigger
        self.receivedAt = receivedAt
        self.data = data
        self.dedupeKey = dedupeKey
    }

    /// The event as the store reads it back once stored as `id` at `sequence` (its time to the
    /// millisecond), built without reading it back.
    func stored(id: String, sequence: Int64) -> TriggerEvent {
        TriggerEvent(id: id, sequence: sequence, trigger: trigger, receivedAt: Date(storeMilliseconds: receivedAt.storeMilliseconds), data: data)
    }
}

/// An event in the store's log.
public struct TriggerEvent: Sendable, Equatable {
    /// A unique identifier (`evt_…`), the same on every instance and after restarts.
    public let id: String
    /// Its position in the log: later events have larger positions.
    public let sequence: Int64
    /// The trigger's core name.
    public let trigger: String
    /// When the connector received it.
    public let receivedAt: Date
    /// The trigger's output, in the core (camelCase) naming.
    public let data: JSONValue

    /// Creates an event.
    public init(id: String, sequence: Int64, trigger: String, receivedAt: Date, data: JSONValue) {
        self.id = id
        self.sequence = sequence
        self.trigger = trigger
        self.receivedAt = receivedAt
        self.data = data
    }
}

/// What ``ConnectorStore/append(_:)`` did.
public enum EventAppendResult: Sendable, Equatable {
    /// The event is new and now in the log.
    case appended(TriggerEvent)
    /// An event with the same dedupe key was already in the log: this one.
    case duplicate(TriggerEvent)

    /// Whether the event was already stored.
    public var isDuplicate: Bool {
        if case .duplicate = self { true } else { false }
    }

    /// The stored event.
    public var event: TriggerEvent {
        switch self {
        case .appended(let event), .duplicate(let event): event
        }
    }
}

/// Which events to read.
public struct EventQuery: Sendable {
    /// Only this trigger's events; `nil` for all.
    public var trigger: String?
    /// Only events after this position.
    public var after: Int64
    /// At most this many.
    public var limit: Int

    /// Creates a query.
    public init(trigger: String?, after: Int64 = 0, limit: Int) {
        self.trigger = trigger
        self.after = after
        self.limit = limit
    }
}
