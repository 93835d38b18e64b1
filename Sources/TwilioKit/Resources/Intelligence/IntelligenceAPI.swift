/// Voice Intelligence v2: transcripts and their sentences.
public struct IntelligenceAPI: Sendable {
    let client: TwilioClient

    private func path(_ sid: String) -> String {
        "/v2/Transcripts/" + TwilioRequest.segment(sid)
    }

    /// Lists transcripts, page by page up to `limit`.
    public func listTranscripts(_ filter: TranscriptListFilter = .init(), limit: Int? = nil) -> TwilioList<Transcript> {
        client.list(TwilioRequest(.get, .intelligence, "/v2/Transcripts", query: filter.query), limit: limit)
    }

    /// Creates a transcript of a recording or media URL; Twilio answers at once with it `queued`.
    public func createTranscript(_ parameters: TranscriptCreateParameters) async throws(TwilioError) -> Transcript {
        try await client.send(TwilioRequest(.post, .intelligence, "/v2/Transcripts", form: parameters.form))
    }

    /// Deletes a transcript (`GT…`).
    public func deleteTranscript(_ sid: String) async throws(TwilioError) {
        try await client.send(TwilioRequest(.delete, .intelligence, path(sid)))
    }

    /// Fetches a transcript (`GT…`).
    public func fetchTranscript(_ sid: String) async throws(TwilioError) -> Transcript {
        try await client.send(TwilioRequest(.get, .intelligence, path(sid)))
    }

    /// Lists a transcript's sentences in order, following every page up to `limit` (all of them by default).
    public func listSentences(_ transcriptSid: String, _ options: TranscriptSentenceListOptions = .init(), limit: Int? = nil) -> TwilioList<TranscriptSentence> {
        client.list(TwilioRequest(.get, .intelligence, path(transcriptSid) + "/Sentences", query: options.query), limit: limit)
    }
}

extension TwilioClient {
    /// Voice Intelligence v2.
    public var intelligence: IntelligenceAPI { IntelligenceAPI(client: self) }
}
