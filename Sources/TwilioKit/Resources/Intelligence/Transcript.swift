import Foundation

/// A Voice Intelligence Transcript (`GT…`) of a recording or other media.
public struct Transcript: Codable, Sendable, Equatable {
    /// The account (`AC…`).
    public var accountSid: String?
    /// The Voice Intelligence Service (`GA…`).
    public var serviceSid: String?
    /// `GT…`.
    public var sid: String?
    /// When the transcript was created.
    public var dateCreated: Date?
    /// When the transcript was last updated.
    public var dateUpdated: Date?
    /// Where the transcription stands.
    public var status: TranscriptStatus?
    /// The media source and participant mapping (free-form in the spec: `media_properties`, `participants`).
    public var channel: JSONValue?
    /// Whether Twilio may use the data to improve its models.
    public var dataLogging: Bool?
    /// The default language of the audio (`en-US`).
    public var languageCode: String?
    /// Your own identifier, echoed in webhooks.
    public var customerKey: String?
    /// When the media started.
    public var mediaStartTime: Date?
    /// The duration of the source, in seconds.
    public var duration: Int?
    /// The resource's absolute URL.
    public var url: String?
    /// Whether a redacted alternative of the transcript exists.
    public var redaction: Bool?
    /// The public key (`CR…`) sentences and operator results are encrypted with.
    public var encryptionCredentialSid: String?
    /// The URLs of related resources, by name (`sentences`, `operator_results`, `media`, …).
    public var links: [String: String]?
}

/// Where a transcription stands.
public enum TranscriptStatus: String, TwilioEnum {
    case queued, completed, new, failed, canceled, error
    case inProgress = "in-progress"
    /// A status this library does not know yet.
    case unknown
}
