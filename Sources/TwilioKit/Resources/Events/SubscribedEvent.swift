/// One event type of an Event Streams subscription (`/v1/Subscriptions/{Sid}/SubscribedEvents/{Type}`).
public struct SubscribedEvent: Codable, Sendable, Equatable {
    /// The account (`AC…`) that owns the subscription.
    public var accountSid: String?
    /// The event type, such as `com.twilio.messaging.message.delivered`.
    public var type: String?
    /// The schema version the events follow.
    public var schemaVersion: Int?
    /// The subscription (`DF…`).
    public var subscriptionSid: String?
    /// The resource's absolute URL.
    public var url: String?
}
