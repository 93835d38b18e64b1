import Foundation

/// An Event Streams event type (`/v1/Types/{Type}`), such as `com.twilio.messaging.message.delivered`.
public struct EventType: Codable, Sendable, Equatable {
    /// The type's unique name.
    public var type: String?
    /// The schema its events follow, such as `Messaging.MessageStatus`.
    public var schemaId: String?
    /// A description.
    public var description: String?
    /// Whether the type can be subscribed to.
    public var status: Status?
    /// The type's documentation or most relevant changelog entry.
    public var documentationUrl: String?
    /// When the type was created.
    public var dateCreated: Date?
    /// When the type was last updated.
    public var dateUpdated: Date?
    /// The resource's absolute URL.
    public var url: String?
    /// The URLs of related resources, by name (`schema`).
    public var links: [String: String]?

    /// Whether an event type can be used.
    public enum Status: String, TwilioEnum {
        /// Usable.
        case available
        /// Usable, but to be discontinued.
        case deprecated
        /// Usable only by some accounts.
        case restricted
        /// No longer emitted.
        case discontinued
        /// A status this library does not know yet.
        case unknown
    }
}
