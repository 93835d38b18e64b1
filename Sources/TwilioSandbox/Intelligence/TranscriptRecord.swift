import Foundation
import TwilioKit

/// A Voice Intelligence Transcript (`GT…`) with its sentences.
struct TranscriptRecord: StoredRecord {
    static let kind = "transcript"

    let sid: String
    let accountSID: String
    let serviceSID: String
    /// `queued`, `in-progress`, then `completed` (or `failed`).
    var status: String
    /// The media source and participants: `{media_properties: {source_sid, reference_sids}, participants}`.
    var channel: SandboxJSON
    /// The source recording (`RE…`), for `SourceSid` filters.
    let sourceSID: String
    let languageCode: String
    let customerKey: String?
    var mediaStartTime: Date?
    let redaction: Bool
    /// The sentences the transcription gives; served once the transcript is `completed`.
    var sentences: [TranscriptSentenceRecord]
    let dateCreated: Date
    var dateUpdated: Date
    /// Statuses a transcript moves on from by itself.
    static let inFlightStatuses: Set<String> = ["queued", "in-progress"]

    /// The sentences as the API serves them: none until the transcription is over.
    var servedSentences: [TranscriptSentenceRecord] { status == "completed" ? sentences : [] }

    /// The media's duration in whole seconds (the end of the last sentence, rounded up).
    var duration: Int { Int((servedSentences.last?.endTime ?? 0).rounded(.up)) }

    var url: String { "https://intelligence.twilio.com/v2/Transcripts/\(sid)" }

    /// Twilio's JSON for the resource, every field present.
    var json: SandboxJSON {
        func date(_ value: Date?) -> SandboxJSON { value.map { .string(TwilioDateFormat.iso8601String(from: $0)) } ?? .null }
        return .object([
            ("account_sid", .string(accountSID)),
            ("service_sid", .string(serviceSID)),
            ("sid", .string(sid)),
            ("date_created", date(dateCreated)),
            ("date_updated", date(dateUpdated)),
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
