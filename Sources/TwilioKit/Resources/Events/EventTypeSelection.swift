/// One event type of a subscription, and the version of its schema the events follow; encoded as
/// the JSON object each `Types` value of CreateSubscription holds.
public struct EventTypeSelection: Codable, Sendable, Equatable {
    /// The event type, such as `com.twilio.messaging.message.delivered`.
    public var type: String
    /// The schema version; Twilio uses the latest when it is `nil`, so pin it.
    public var schemaVersion: Int?

    /// Selects `type`, in schema version `schemaVersion`.
    public init(_ type: String, schemaVersion: Int? = nil) {
        self.type = type
        self.schemaVersion = schemaVersion
    }

    private enum CodingKeys: String, CodingKey {
        case type
        case schemaVersion = "schema_version"
    }
}
