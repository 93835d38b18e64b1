import Foundation

/// One version of an Event Streams schema (`/v1/Schemas/{Id}/Versions/{SchemaVersion}`).
public struct EventSchemaVersion: Codable, Sendable, Equatable {
    /// The schema's id.
    public var id: String?
    /// The version number.
    public var schemaVersion: Int?
    /// When the version was created.
    public var dateCreated: Date?
    /// The resource's absolute URL.
    public var url: String?
    /// The URL of the JSON Schema document itself (`https://events-schemas.twilio.com/<Id>/<version>`).
    public var raw: String?
}
