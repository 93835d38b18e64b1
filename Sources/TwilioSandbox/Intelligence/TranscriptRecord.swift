import Foundation
import TwilioKit

/// A Voice Intelligence Transcript (`GT…`) with its sentences.
struct TranscriptRecord: StoredRecord {
    static let kind = "transcript"

    let sid: String
    let accountSID: String
    let serviceSID: String
    let status: String
    /// The media source and participants: `{media_properties: {source_sid, reference_sids}, participants}`.
    let channel: SandboxJSON
    /// The source recording (`RE…`), for `SourceSid` filters.
    let sourceSID: String
    let languageCode: String
    let customerKey: String?
    let mediaStartTime: Date?
    let redaction: Bool
    let sentences: [TranscriptSentenceRecord]
    let dateCreated: Date

    /// The media's duration in whole seconds (the end of the last sentence, rounded up).
    var duration: Int { Int((sentences.last?.endTime ?? 0).rounded(.up)) }

    var url: String { "https://intelligence.twilio.com/v2/Transcripts/\(sid)" }

    /// Twilio's JSON for the resource, every field present.
    var json: SandboxJSON {
        func date(_ value: Date?) -> SandboxJSON { value.map { .string(TwilioDateFormat.iso8601String(from: $0)) } ?? .null }
        return .object([
            ("account_sid", .string(accountSID)),
            ("service_sid", .string(serviceSID)),
            ("sid", .string(sid)),
            ("date_created", date(dateCreated)),
            ("date_updated", date(dateCreated)),
            ("status", .string(status)),
            ("channel", channel),
            ("data_logging", false),
            ("language_code", .string(languageCode)),
            ("media_start_time", date(mediaStartTime)),
            ("duration", .int(duration)),
            ("customer_key", .optional(customerKey)),
            ("url", .string(url)),
            ("redaction", .bool(redaction)),
            ("encryption_credential_sid", .null),
            ("links", .object([
                ("sentences", .string(url + "/Sentences")),
                ("encrypted_sentences", .string(url + "/Sentences/Encrypted")),
                ("media", .string(url + "/Media")),
                ("operator_results", .string(url + "/OperatorResults")),
                ("encrypted_operator_results", .string(url + "/OperatorResults/Encrypted")),
            ])),
        ])
    }
}
