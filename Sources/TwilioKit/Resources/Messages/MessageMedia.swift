import Foundation

/// A media file attached to a message (`ME…`).
public struct MessageMedia: Codable, Sendable, Equatable {
    public var sid: String?
    public var accountSid: String?
    /// The message (`SM…`/`MM…`) the media belongs to.
    public var parentSid: String?
    /// The MIME type (`image/jpeg`).
    public var contentType: String?
    public var dateCreated: Date?
    public var dateUpdated: Date?
    /// The resource's URI; without `.json` it serves the content.
    public var uri: String?
}
