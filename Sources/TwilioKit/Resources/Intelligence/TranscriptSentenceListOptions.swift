/// The query parameters of ListSentence (`GET /v2/Transcripts/{TranscriptSid}/Sentences`).
public struct TranscriptSentenceListOptions: Sendable, Equatable {
    /// Whether to return PII-redacted sentences (the default when redaction is on) or the original ones.
    public var redacted: Bool?
    /// Whether to return word-level timestamps (when the service records them).
    public var wordTimestamps: Bool?
    /// How many sentences each page holds (1…5000); by default set from the list's limit.
    public var pageSize: Int?

    /// Creates options; no argument uses Twilio's defaults.
    public init(redacted: Bool? = nil, wordTimestamps: Bool? = nil, pageSize: Int? = nil) {
        self.redacted = redacted
        self.wordTimestamps = wordTimestamps
        self.pageSize = pageSize
    }

    /// The query string.
    public var query: FormParameters {
        var query = FormParameters()
        query.add("Redacted", redacted)
        query.add("WordTimestamps", wordTimestamps)
        query.add("PageSize", pageSize)
        return query
    }
}
