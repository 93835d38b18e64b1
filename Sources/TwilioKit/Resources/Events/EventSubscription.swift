import Foundation

/// An Event Streams Subscription (`DF…`): which event types go to which sink.
public struct EventSubscription: Codable, Sendable, Equatable {
    /// `DF…`.
    public var sid: String?
    /// The account (`AC…`) that owns the subscription.
    public var accountSid: String?
    /// A description (no PII).
    public var description: String?
    /// The sink (`DG…`) the events go to.
    public var sinkSid: String?
    /// When the subscription was created.
    public var dateCreated: Date?
    /// When the subscription was last updated.
    public var dateUpdated: Date?
    /// The resource's absolute URL.
    public var url: String?
    /// The URLs of related resources, by name (`subscribed_events`).
    public var links: [String: String]?
}
