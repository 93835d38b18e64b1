import Foundation

/// One sentence (`GX…`) of a transcript, with its speaker's media channel, timing and words.
struct TranscriptSentenceRecord: Codable, Sendable {
    /// One word and when it is spoken, in seconds from the start of the media.
    struct Word: Codable, Sendable {
        let text: String
        let start: Double
        let end: Double
    }

    let sid: String
    let index: Int
    let mediaChannel: Int
    let text: String
    let words: [Word]
    let confidence: Double

    /// When the sentence starts, in seconds from the start of the media.
    var startTime: Double { words.first?.start ?? 0 }
    /// When the sentence ends, in seconds from the start of the media.
    var endTime: Double { words.last?.end ?? 0 }

    /// Twilio's JSON for the sentence: `redacted` masks PII (words holding three digits or more,
    /// or an `@`, become `[redacted]`); word timings only with `wordTimestamps`.
    func json(redacted: Bool, wordTimestamps: Bool) -> SandboxJSON {
        func shown(_ word: String) -> String { redacted && Self.isPII(word) ? "[redacted]" : word }
        return .object([
            ("media_channel", .int(mediaChannel)),
            ("sentence_index", .int(index)),
            ("start_time", Self.decimal(startTime)),
            ("end_time", Self.decimal(endTime)),
            ("transcript", .string(text.split(separator: " ").map { shown(String($0)) }.joined(separator: " "))),
            ("sid", .string(sid)),
            ("confidence", Self.decimal(confidence)),
            ("words", .array(words.map { word in
                .object([("word", .string(shown(word.text))),
                         ("start_time", wordTimestamps ? Self.seconds(word.start) : .null),
                         ("end_time", wordTimestamps ? Self.seconds(word.end) : .null)])
            })),
        ])
    }

    /// A number written with two decimals, as Twilio writes word offsets.
    private static func seconds(_ value: Double) -> SandboxJSON { .number(String(format: "%.2f", value)) }

    /// A sentence's offsets and confidence: decimals the spec types as strings (`"1.75"`).
    private static func decimal(_ value: Double) -> SandboxJSON { .string(String(format: "%.2f", value)) }

    /// Whether `word` is personal data the redaction masks.
    static func isPII(_ word: String) -> Bool {
        word.contains("@") || word.filter(\.isNumber).count >= 3
    }
}
