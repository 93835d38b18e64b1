import TwilioKit

/// Something a toolkit output is made of: its fields with Twilio's snake_case names, for the
/// toolkit's resource shapes to pick from.
protocol ToolkitModel: Sendable {
    /// The fields, snake_case.
    var toolkitFields: [String: JSONValue] { get }
}

extension ToolkitModel where Self: Encodable {
    var toolkitFields: [String: JSONValue] { ModelRendering.snakeCase(self) }
}

extension Message: ToolkitModel {}
extension MessageMedia: ToolkitModel {}
extension Call: ToolkitModel {}
extension PhoneNumberLookup: ToolkitModel {}
extension Verification: ToolkitModel {}
extension VerificationCheck: ToolkitModel {}
extension VerifyService: ToolkitModel {}
extension IncomingPhoneNumber: ToolkitModel {}

extension RecordingMediaResult: ToolkitModel {
    /// download_recording_media's fields.
    var toolkitFields: [String: JSONValue] {
        ["download_url": .string(url), "recording_sid": .string(recordingSid), "format": .string(format.rawValue)]
    }
}

extension TranscriptWithSentences: ToolkitModel {
    /// The transcript with, when they were fetched, its sentences and their text, one sentence per line.
    var toolkitFields: [String: JSONValue] {
        var fields = ModelRendering.snakeCase(transcript)
        guard let sentences else { return fields }
        fields["sentences"] = .array(sentences.map { .object(ModelRendering.snakeCase($0)) })
        fields["transcript_text"] = .string(sentences.compactMap(\.transcript).joined(separator: "\n"))
        return fields
    }
}
