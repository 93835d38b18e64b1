import Foundation

/// A recording as listed under its call (`/Calls/{CallSid}/Recordings`): the shape of
/// `api.v2010.account.call.call_recording`, which has ``track`` but no media URL.
public struct CallRecording: Codable, Sendable, Equatable {
    /// The account (`AC…`) that owns the recording.
    public var accountSid: String?
    /// The API version used for the recording.
    public var apiVersion: String?
    /// The call (`CA…`) recorded.
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
    /// The one-time cost in ``priceUnit``, as Twilio sends it (`-0.0025`); a JSON number is kept
    /// in its decimal form too.
    public var price: String?
    /// The resource's URI, relative to the API's origin.
    public var uri: String?
    /// How to decrypt the recording when Call Recording Encryption is on (`encryption_public_key_sid`, `encryption_cek`, `encryption_iv`).
    public var encryptionDetails: JSONValue?
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
    /// The recorded track: `inbound`, `outbound` or `both`.
    public var track: String?

    /// ``duration`` as a number of seconds.
    public var durationSeconds: Int? { duration.flatMap { Int($0) } }
    /// ``price`` as an exact decimal.
    public var priceAmount: Decimal? { price.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }

    /// Decodes a call recording, accepting ``price`` as a string or a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accountSid = try container.decodeIfPresent(String.self, forKey: .accountSid)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion)
        callSid = try container.decodeIfPresent(String.self, forKey: .callSid)
        conferenceSid = try container.decodeIfPresent(String.self, forKey: .conferenceSid)
        dateCreated = try container.decodeIfPresent(Date.self, forKey: .dateCreated)
        dateUpdated = try container.decodeIfPresent(Date.self, forKey: .dateUpdated)
        startTime = try container.decodeIfPresent(Date.self, forKey: .startTime)
        duration = try container.decodeIfPresent(String.self, forKey: .duration)
        sid = try container.decodeIfPresent(String.self, forKey: .sid)
        // The spec types `price` as a number while Twilio sends a string: accept both.
        if let number = try? container.decodeIfPresent(Decimal.self, forKey: .price) {
            price = "\(number)"
        } else {
            price = try container.decodeIfPresent(String.self, forKey: .price)
        }
        uri = try container.decodeIfPresent(String.self, forKey: .uri)
        encryptionDetails = try container.decodeIfPresent(JSONValue.self, forKey: .encryptionDetails)
        priceUnit = try container.decodeIfPresent(String.self, forKey: .priceUnit)
        status = try container.decodeIfPresent(RecordingStatus.self, forKey: .status)
        channels = try container.decodeIfPresent(Int.self, forKey: .channels)
        source = try container.decodeIfPresent(RecordingSource.self, forKey: .source)
        errorCode = try container.decodeIfPresent(Int.self, forKey: .errorCode)
        track = try container.decodeIfPresent(String.self, forKey: .track)
    }
}
