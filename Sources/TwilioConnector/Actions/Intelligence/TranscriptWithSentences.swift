import TwilioKit

/// A transcript with all of its sentences (`nil` when they were not asked for).
public struct TranscriptWithSentences: Sendable {
    public var transcript: Transcript
    public var sentences: [TranscriptSentence]?
}
