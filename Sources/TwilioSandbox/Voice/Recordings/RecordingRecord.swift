import Foundation
import TwilioKit

/// A recording the sandbox holds (API v2010 Recording, `RE…`). Its audio is a generated tone of
/// the recording's length, rendered on request (see ``WAVEncoder``).
struct RecordingRecord: StoredRecord {
    static let kind = "recording"

    let sid: String
    let accountSID: String
    let callSID: String
    /// `RecordVerb`, `DialVerb` or `OutboundAPI`.
    let source: RecordingSource
    let channels: Int
    /// `inbound`, `outbound` or `both`.
    let track: String
    /// Whole seconds.
    let duration: Int
    let startTime: Date
    let dateCreated: Date
    var dateUpdated: Date
    /// `completed`, or `deleted` once deleted (kept 40 days, listed with `IncludeSoftDeleted`).
    var status: RecordingStatus
    /// Where the API was reached (`http://host:port/api`), the base of ``mediaURL``.
    let apiOrigin: String
    /// What applications sent the call over media streams (8 kHz µ-law), heard on the recording's
    /// outbound side; `nil` when none did, and the recording is a tone.
    var streamedAudio: Data?

    /// The recording's audio as a WAV file.
    var wav: [UInt8] {
        WAVEncoder.recording(seconds: duration, channels: channels, outbound: streamedAudio.map { MuLaw.decode([UInt8]($0)) })
    }

    /// Whether the recording was deleted: its media is gone, its metadata kept.
    var isDeleted: Bool { status == .deleted }

    /// The media's URL without extension (Twilio serves WAV there; `.wav` and `.mp3` name a format).
    var mediaURL: String { apiOrigin + "/2010-04-01/Accounts/\(accountSID)/Recordings/\(sid)" }

    /// $0.0025 per started minute.
    var price: String { String(format: "-%.5f", 0.0025 * Double(max(1, (duration + 59) / 60))) }

    /// A date as API v2010 writes it (RFC 2822).
    private func date(_ value: Date) -> SandboxJSON { .string(TwilioDateFormat.rfc2822String(from: value)) }

    /// The fields both recording shapes share.
    private var sharedFields: [(String, SandboxJSON)] {
        [
            ("account_sid", .string(accountSID)),
            ("api_version", "2010-04-01"),
            ("call_sid", .string(callSID)),
            ("conference_sid", .null),
            ("channels", .int(channels)),
            ("date_created", date(dateCreated)),
            ("date_updated", date(dateUpdated)),
            ("start_time", date(startTime)),
            ("price", .string(price)),
            ("price_unit", "USD"),
            ("duration", .string(String(duration))),
            ("sid", .string(sid)),
            ("encryption_details", .null),
            ("source", .string(source.rawValue)),
            ("status", .string(status.rawValue)),
            ("error_code", .null),
        ]
    }

    /// Twilio's JSON for the Recording resource (`api.v2010.account.recording`).
    var json: SandboxJSON {
        let base = "/2010-04-01/Accounts/\(accountSID)/Recordings/\(sid)"
        return .object(sharedFields + [
            ("uri", .string(base + ".json")),
            ("subresource_uris", .object([
                ("add_on_results", .string(base + "/AddOnResults.json")),
                ("transcriptions", .string(base + "/Transcriptions.json")),
            ])),
            ("media_url", .string(mediaURL)),
        ])
    }

    /// Twilio's JSON for the recording listed under its call (`api.v2010.account.call.call_recording`).
    var callRecordingJSON: SandboxJSON {
        .object(sharedFields + [
            ("track", .string(track)),
            ("uri", .string("/2010-04-01/Accounts/\(accountSID)/Calls/\(callSID)/Recordings/\(sid).json")),
        ])
    }

    /// The parameters of the recording's status callback, as Twilio posts them.
    var statusCallbackParameters: [(String, String)] {
        [
            ("AccountSid", accountSID), ("CallSid", callSID), ("RecordingSid", sid), ("RecordingUrl", mediaURL),
            ("RecordingStatus", status.rawValue), ("RecordingDuration", String(duration)), ("RecordingChannels", String(channels)),
            ("RecordingStartTime", TwilioDateFormat.rfc2822String(from: startTime)), ("RecordingSource", source.rawValue),
            ("RecordingTrack", track),
        ]
    }
}
