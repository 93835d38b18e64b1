import Foundation

/// A Content template (`HX…`): a message with variables, in one or more content types.
public struct ContentTemplate: Codable, Sendable, Equatable {
    /// When the template was created.
    public var dateCreated: Date?
    /// When the template was last updated.
    public var dateUpdated: Date?
    /// `HX…`.
    public var sid: String?
    /// The account (`AC…`).
    public var accountSid: String?
    /// A name for your own use, not shown to recipients.
    public var friendlyName: String?
    /// The ISO 639-1 language (`en`).
    public var language: String?
    /// The variables' default values, by variable name (`{"1": "Customer_Name"}`).
    public var variables: [String: String]?
    /// The content per type (`twilio/text`, `twilio/media`, …), free-form as the spec leaves it.
    public var types: JSONValue?
    /// The resource's absolute URL.
    public var url: String?
    /// The URLs of related resources, by name (`approval_fetch`, `approval_create`).
    public var links: [String: String]?
}
