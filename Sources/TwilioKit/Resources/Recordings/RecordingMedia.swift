/// The audio file of a recording, as downloaded.
public struct RecordingMedia: Sendable, Equatable {
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The `Content-Type` Twilio sent (`audio/x-wav`, `audio/mpeg`), if any.
    public var contentType: String?

    /// Creates downloaded media.
    public init(bytes: [UInt8], contentType: String?) {
        self.bytes = bytes
        self.contentType = contentType
    }
}

/// The audio format a recording is served in.
public enum RecordingFormat: String, Sendable, CaseIterable {
    /// WAV (`.wav`), uncompressed.
    case wav
    /// MP3 (`.mp3`), compressed.
    case mp3
}
