import TwilioKit

/// The TwilioKit models of an outcome with Twilio's snake_case field names, ready for the toolkit's
/// resource shapes to pick their fields from.
enum ToolkitRendering {
    /// The outcome's models, and for a paged list whether more exist.
    static func models(of outcome: ActionOutcome) -> (items: [[String: JSONValue]], hasMore: Bool?) {
        switch outcome {
        case .message(let message): ([ModelRendering.snakeCase(message)], nil)
        case .messages(let list): (list.items.map(ModelRendering.snakeCase), list.hasMore)
        case .messageMedia(let list): (list.items.map(ModelRendering.snakeCase), list.hasMore)
        case .call(let call): ([ModelRendering.snakeCase(call)], nil)
        case .calls(let list): (list.items.map(ModelRendering.snakeCase), list.hasMore)
        case .recordingMedia(let media): ([recordingMedia(media)], nil)
        case .lookup(let lookup): ([ModelRendering.snakeCase(lookup)], nil)
        case .verification(let verification): ([ModelRendering.snakeCase(verification)], nil)
        case .verificationCheck(let check): ([ModelRendering.snakeCase(check)], nil)
        case .verifyService(let service): ([ModelRendering.snakeCase(service)], nil)
        case .transcripts(let list): (list.items.map(transcript), list.hasMore)
        case .transcriptsWithSentences(let transcripts): (transcripts.map(transcript), nil)
        case .phoneNumbers(let list): (list.items.map(ModelRendering.snakeCase), list.hasMore)
        default: ([], nil)
        }
    }

    /// download_recording_media's fields.
    private static func recordingMedia(_ media: RecordingMediaResult) -> [String: JSONValue] {
        ["download_url": .string(media.url), "recording_sid": .string(media.recordingSid), "format": .string(media.format.rawValue)]
    }

    /// A transcript with, when they were fetched, its sentences and their text, one sentence per line.
    private static func transcript(_ full: TranscriptWithSentences) -> [String: JSONValue] {
        var fields = ModelRendering.snakeCase(full.transcript)
        guard let sentences = full.sentences else { return fields }
        fields["sentences"] = .array(sentences.map { .object(ModelRendering.snakeCase($0)) })
        fields["transcript_text"] = .string(sentences.compactMap(\.transcript).joined(separator: "\n"))
        return fields
    }
}
