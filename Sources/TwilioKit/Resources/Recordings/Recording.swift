import Foundation

/// A Recording resource (API v2010, `RE…`), as Twilio returns it.
public struct Recording: Codable, Sendable, Equatable {
    /// The account (`AC…`) that owns the recording.
    public var accountSid: String?
    /// The API version used for the recording.
    public var apiVersion: String?
    /// The call (`CA…`) recorded; for a conference, the call that started the recording.
    public var callSid: String?
    /// The conference (`CF…`) recorded, for conference recordings.
    public var conferenceSid: String?
    /// When the resource was created.
    public var dateCreated: Date?
    /// When the resource was last updated.
    public var dateUpdated: Date?
    /// When the recording started.
    public var startTime: Date?
    /// The length in seconds, as Twilio sends it (a string).
    public var duration: String?
    /// `RE…`.
    public var sid: String?
    /// The one-time cost, as Twilio sends it (a string such as `-0.00250`), in ``priceUnit``.
    public var price: String?
    /// An ISO 4217 currency code.
    public var priceUnit: String?
    /// The recording's status.
    public var status: RecordingStatus?
    /// The number of audio channels (1 or 2).
    public var channels: Int?
    /// What started the recording.
    public var source: RecordingSource?
    /// Why the recording is `absent`, as a Twilio error code.
    public var errorCode: Int?
    /// The resource's URI, relative to the API's origin.
    public var uri: String?
    /// How to decrypt the recording when Call Recording Encryption is on (`encryption_public_key_sid`, `encryption_cek`, `encryption_iv`).
    public var encryptionDetails: JSONValue?
    /// The URIs of the recording's subresources (transcriptions, add-on results), by name.
    public var subresourceUris: [String: String]?
    /// The URL of the media file (without extension); for external storage, its full location.
    public var mediaUrl: String?

    /// ``duration`` as a number of seconds.
    public var durationSeconds: Int? { duration.flatMap { Int($0) } }
    /// ``price`` as an exact decimal.
    public var priceAmount: Decimal? { price.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }
}

/// A recording's status.
public enum RecordingStatus: String, TwilioEnum {
    /// Recording.
    case inProgress = "in-progress"
    /// Paused.
    case paused
    /// Stopped.
    case stopped
    /// Being processed into a media file.
    case processing
    /// Available.
    case completed
    /// Failed or empty; see the error code.
    case absent
    /// Deleted (listed only with soft-deleted recordings).
    case deleted
    /// A status this library does not know yet.
    case unknown
}

/// What started a recording.
public enum RecordingSource: String, TwilioEnum {
    /// TwiML `<Dial record>`.
    case dialVerb = "DialVerb"
    /// A conference's recording setting.
    case conference = "Conference"
    /// `Record` when the call was created with the REST API.
    case outboundAPI = "OutboundAPI"
    /// An Elastic SIP Trunk's recording setting.
    case trunking = "Trunking"
    /// TwiML `<Record>`.
    case recordVerb = "RecordVerb"
    /// The call recordings REST API.
    case startCallRecordingAPI = "StartCallRecordingAPI"
    /// The conference recordings REST API.
    case startConferenceRecordingAPI = "StartConferenceRecordingAPI"
    /// A source this library does not know yet.
    case unknown
}
