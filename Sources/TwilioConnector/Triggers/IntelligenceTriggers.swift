import Foundation
import ConnectorStore
import TwilioKit

/// The Voice Intelligence trigger: a transcript reaching `completed`.
enum IntelligenceTriggers {
    static let newTranscript = TriggerDefinition(
        name: "newTranscript", toolkitName: "new_transcript", title: "New Transcript",
        summary: "Fires when a Voice Intelligence transcript is completed (the service's webhook, or the connector's poller).",
        parameters: [
            .init("ServiceSid", .string(.sid("GA")), "Only transcripts of this Voice Intelligence Service."),
            .init("IncludeSentences", .boolean, default: false, "Also fetch the transcript's sentences and text into the event."),
        ],
        filters: ["ServiceSid": .equals("serviceSid")],
        kind: .statusCallback,
        fields: [
            .init("transcriptSid", from: "sid", "The transcript SID (GT…)."),
            .init("serviceSid", from: "serviceSid", "Its Voice Intelligence Service."),
            .init("status", from: "status", "completed."),
            .init("duration", .integer, from: "duration", "The media's length in seconds."),
            .init("languageCode", from: "languageCode", "The language transcribed."),
            .init("customerKey", from: "customerKey", "The key given when it was created."),
            .init("sentences", .objects(title: "Sentence", fields: [
                .init("mediaChannel", .integer, from: "mediaChannel", "The channel the sentence was said on."),
                .init("sentenceIndex", .integer, from: "sentenceIndex", "Its position."),
                .init("startTime", .number, from: "startTime", "Where it starts, in seconds."),
                .init("endTime", .number, from: "endTime", "Where it ends, in seconds."),
                .init("transcript", from: "transcript", "What was said."),
                .init("confidence", .number, from: "confidence", "How sure the engine is, 0 to 1."),
            ]), from: "sentences", "The sentences, with IncludeSentences."),
            .init("transcriptText", from: "transcriptText", "The sentences' text, one per line, with IncludeSentences."),
        ],
        identity: ["sid"],
        example: [
            "transcriptSid": "GT00000000000000000000000000000000", "serviceSid": "GA00000000000000000000000000000000",
            "status": "completed", "duration": 42, "languageCode": "en-US", "customerKey": .null,
            "sentences": [["mediaChannel": 1, "sentenceIndex": 0, "startTime": 0.5, "endTime": 2.1,
                           "transcript": "Hello, how can I help?", "confidence": 0.93]],
            "transcriptText": "Hello, how can I help?",
        ])

    /// The event of a completed transcript, with its sentences when they were fetched.
    static func event(_ transcript: Transcript, sentences: [TranscriptSentence]?, receivedAt: Date) -> NewTriggerEvent? {
        guard let sid = transcript.sid else { return nil }
        var model = ModelRendering.camelCase(transcript)
        if let sentences {
            model["sentences"] = .array(sentences.map { .object(ModelRendering.camelCase($0)) })
            model["transcriptText"] = .string(sentences.compactMap(\.transcript).joined(separator: "\n"))
        }
        return NewTriggerEvent(trigger: newTranscript.name, receivedAt: receivedAt,
                               data: .object(newTranscript.fields.project(model)), dedupeKey: "\(newTranscript.name):\(sid)")
    }
}
