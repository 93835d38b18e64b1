import TwilioKit

/// A recording's media: its URL and, when asked, where its bytes were saved.
public struct RecordingMediaResult: Sendable {
    public var recordingSid: String
    public var format: RecordingFormat
    public var url: String
    public var savedPath: String?
    public var byteCount: Int?
    public var contentType: String?
}
