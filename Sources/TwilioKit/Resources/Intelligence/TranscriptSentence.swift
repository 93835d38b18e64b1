/// One sentence of a transcript (`GX…`).
///
/// Offsets and confidences decode from JSON numbers (as Twilio's docs show them) and from numeric
/// strings (as the spec types them).
public struct TranscriptSentence: Codable, Sendable, Equatable {
    /// The media channel the sentence was spoken on.
    public var mediaChannel: Int?
    /// The sentence's position in the transcript, from 0.
    public var sentenceIndex: Int?
    /// When the sentence starts, in seconds from the beginning of the media.
    public var startTime: Double?
    /// When the sentence ends, in seconds from the beginning of the media.
    public var endTime: Double?
    /// The text (redacted unless unredacted sentences were asked for).
    public var transcript: String?
    /// `GX…`.
    public var sid: String?
    /// How confident the recognition is, from 0 to 1.
    public var confidence: Double?
    /// The words, with timestamps when they were asked for.
    public var words: [Word]?

    enum CodingKeys: String, CodingKey {
        case mediaChannel, sentenceIndex, startTime, endTime, transcript, sid, confidence, words
    }

    /// Decodes a sentence, its numbers from JSON numbers or numeric strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mediaChannel = try container.decodeIfPresent(Int.self, forKey: .mediaChannel)
        sentenceIndex = try container.decodeIfPresent(Int.self, forKey: .sentenceIndex)
        startTime = try container.decodeNumber(forKey: .startTime)
        endTime = try container.decodeNumber(forKey: .endTime)
        transcript = try container.decodeIfPresent(String.self, forKey: .transcript)
        sid = try container.decodeIfPresent(String.self, forKey: .sid)
        confidence = try container.decodeNumber(forKey: .confidence)
        words = try container.decodeIfPresent([Word].self, forKey: .words)
    }

    /// One word of a sentence.
    public struct Word: Codable, Sendable, Equatable {
        /// The word.
        public var word: String?
        /// When the word starts, in seconds from the beginning of the media.
        public var startTime: Double?
        /// When the word ends, in seconds from the beginning of the media.
        public var endTime: Double?

        enum CodingKeys: String, CodingKey {
            case word, startTime, endTime
        }

        /// Decodes a word, its offsets from JSON numbers or numeric strings.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            word = try container.decodeIfPresent(String.self, forKey: .word)
            startTime = try container.decodeNumber(forKey: .startTime)
            endTime = try container.decodeNumber(forKey: .endTime)
        }
    }
}

extension KeyedDecodingContainer {
    /// A number sent either as a JSON number or as a numeric string; `nil` when absent or null.
    fileprivate func decodeNumber(forKey key: Key) throws -> Double? {
        if let number = try? decodeIfPresent(Double.self, forKey: key) { return number }
        guard let string = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let number = Double(string) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(string)' is not a number")
        }
        return number
    }
}
