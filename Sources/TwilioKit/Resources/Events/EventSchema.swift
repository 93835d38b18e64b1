import Foundation

/// An Event Streams schema (`/v1/Schemas/{Id}`), such as `Messaging.MessageStatus`: the shape of
/// its event types' `data`, in numbered versions.
public struct EventSchema: Codable, Sendable, Equatable {
    /// The schema's id, shared by all its versions.
    public var id: String?
    /// The latest published version.
    public var latestVersion: Int?
    /// When the latest version was created.
    public var latestVersionDateCreated: Date?
    /// The resource's absolute URL.
    public var url: String?
    /// The URLs of related resources, by name (`versions`).
    public var links: [String: String]?
}
