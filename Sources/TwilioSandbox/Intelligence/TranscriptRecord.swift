import Foundation
import TwilioKit

/// A Voice Intelligence Transcript (`GT…`) with its sentences. Its status changes only through
/// ``handle(_:now:)``, which runs its ``TranscriptLifecycle``.
struct TranscriptRecord: StoredRecord {
    static let kind = "transcript"

    let sid: String
    let accountSID: String
    let serviceSID: String
    /// `queued`, `in-progress`, then `completed` (or `failed`).
    private(set) var status: TranscriptStatus
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
    /// Where the transcript stands in its lifecycle.
    var lifecycle: TranscriptLifecycle { TranscriptLifecycle(status: status) }

    /// Moves the transcript on with `event`: the only place a transcript's status changes.
    mutating func handle(_ event: TranscriptLifecycle.Event, now: Date) -> TranscriptLifecycle.Action {
        var lifecycle = self.lifecycle
        let action = lifecycle.handle(event)
        guard action != .ignore else { return action }
        status = lifecycle.status
        dateUpdated = now
        return action
    }

    /// Whether the sandbox has the audio to transcribe: a recording of its own (`source_sid`),
    /// not audio at a `media_url`.
    var isTranscribable: Bool { channel["media_properties"]?["source_sid"] != nil }

    /// The sentences as the API serves them: none until the transcription is over.
    var servedSentences: [TranscriptSentenceRecord] { status == .completed ? sentences : [] }

    /// The media's duration in whole seconds (the end of the last sentence, rounded up).
    var duration: Int { Int((servedSentences.last?.endTime ?? 0).rounded(.up)) }

    /// The resource's absolute URL, as Twilio writes it in `url`.
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
            ("status", .string(status.rawValue)),
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
