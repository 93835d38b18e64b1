import Foundation
import TwilioKit

/// Builds a completed transcript from `Speaker: text` lines, the way a recording's transcription
/// would come out: each distinct speaker gets the next media channel (1, 2, …) and a participant;
/// each word lasts 0.3 s plus 0.05 s per character, with 0.5 s between sentences; confidences are
/// 0.85–0.99, fixed per sentence index. The same lines always give the same timings.
struct TranscriptBuilder: Sendable {
    var accountSID: String
    var serviceSID: String
    var sourceSID: String
    var callSID: String?
    var languageCode = "en-US"
    var customerKey: String?
    var redaction = true

    /// The transcript of `lines`, created at `date` at `status` (a finished one by default); its
    /// media started as long before as the lines take to say.
    func build(_ lines: [String], date: Date, status: TranscriptStatus = .completed) -> TranscriptRecord {
        var speakers: [String] = []
        var clock = 0.0
        var sentences: [TranscriptSentenceRecord] = []
        for line in lines {
            let (speaker, text) = Self.split(line)
            guard !text.isEmpty else { continue }
            if !speakers.contains(speaker) { speakers.append(speaker) }
            var words: [TranscriptSentenceRecord.Word] = []
            for word in text.split(separator: " ") {
                let end = clock + 0.3 + 0.05 * Double(word.count)
                words.append(.init(text: String(word), start: clock, end: end))
                clock = end
            }
            let index = sentences.count
            sentences.append(TranscriptSentenceRecord(
                sid: SID.make("GX"), index: index, mediaChannel: (speakers.firstIndex(of: speaker) ?? 0) + 1,
                text: words.map(\.text).joined(separator: " "), words: words, confidence: 0.85 + Double(index * 7 % 15) / 100))
            clock += 0.5
        }
        let participants: [SandboxJSON] = speakers.enumerated().map { offset, speaker in
            .object([("user_id", .null), ("channel_participant", .int(offset + 1)), ("media_participant_id", .null),
                     ("image_url", .null), ("full_name", .string(speaker)), ("role", .string(speaker))])
        }
        let channel: SandboxJSON = .object([
            ("media_properties", .object([("source_sid", .string(sourceSID)),
                                          ("reference_sids", .object([("call_sid", .optional(callSID))]))])),
            ("participants", .array(participants)),
        ])
        let duration = (sentences.last?.endTime ?? 0).rounded(.up)
        return TranscriptRecord(
            sid: SID.make("GT"), accountSID: accountSID, serviceSID: serviceSID, status: status, channel: channel,
            sourceSID: sourceSID, languageCode: languageCode, customerKey: customerKey,
            mediaStartTime: date.addingTimeInterval(-duration), redaction: redaction, sentences: sentences, dateCreated: date,
            dateUpdated: date)
    }

    /// `Speaker: text` as its two parts; a line without a speaker is the `Speaker`'s.
    private static func split(_ line: String) -> (speaker: String, text: String) {
        let words = { (text: Substring) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 40 else {
            return ("Speaker", words(Substring(line)))
        }
        let speaker = line[..<colon].trimmingCharacters(in: .whitespaces)
        return (speaker.isEmpty ? "Speaker" : speaker, words(line[line.index(after: colon)...]))
    }
}
