import Foundation
import TwilioKit

/// A push subscription: matching events are POSTed to ``url``, signed with ``secret`` the
/// Standard Webhooks way.
public struct Subscription: Sendable, Equatable {
    /// `sub_…`.
    public let id: String
    /// The trigger's core name.
    public let trigger: String
    /// Where events are POSTed.
    public let url: String
    /// Trigger parameters events must match (`{"From": "+1…"}`); empty for all.
    public let filter: [String: JSONValue]
    /// The field naming of pushed events: `component` or `toolkit`.
    public let dialect: String
    /// The signing secret, `whsec_…`.
    public let secret: String
    /// Seconds to wait before each retry; the delivery fails after the last.
    public let retrySchedule: [Int]
    /// When it was created.
    public let createdAt: Date
    /// Events up to this position were planned (or predate the subscription).
    public let cursor: Int64

    /// Creates a subscription.
    public init(id: String, trigger: String, url: String, filter: [String: JSONValue], dialect: String, secret: String,
                retrySchedule: [Int], createdAt: Date, cursor: Int64) {
        self.id = id
        self.trigger = trigger
        self.url = url
        self.filter = filter
        self.dialect = dialect
        self.secret = secret
        self.retrySchedule = retrySchedule
        self.createdAt = createdAt
        self.cursor = cursor
    }
}
