import TwilioKit

/// Voice Intelligence v2: transcripts and their sentences.
enum IntelligenceActions {
    static let listTranscripts = CoreAction(
        "listTranscripts", title: "List Transcripts",
        summary: "List Voice Intelligence transcripts, optionally filtered by service, source, status, language or dates.",
        parameters: [
            .init("ServiceSid", .string(.sid("GA")), "Only transcripts of this Voice Intelligence Service (GA…)."),
            .init("SourceSid", .string(.nonEmpty), "Only transcripts of this source, such as a recording (RE…)."),
            .init("Status", .choice(TranscriptStatus.allCases.filter { $0 != .unknown }.map(\.rawValue)), "Only transcripts in this status."),
            .init("LanguageCode", .string(.nonEmpty), "Only transcripts in this language, such as en-US."),
            .init("AfterStartTime", .dateTime, "Only transcripts whose media started after this instant."),
            .init("BeforeStartTime", .dateTime, "Only transcripts whose media started before this instant."),
            .init("AfterDateCreated", .dateTime, "Only transcripts created after this instant."),
            .init("BeforeDateCreated", .dateTime, "Only transcripts created before this instant."),
            .init("IncludeTranscriptText", .boolean, default: false,
                  "Also fetch each completed transcript's sentences and their text (one request per transcript)."),
            .init("limit", .integer(1...10_000), default: 50, "The most transcripts to return (default 50)."),
        ]
    ) { input, context throws(ActionFailure) in
        let filter = TranscriptListFilter(
            serviceSid: input.string("ServiceSid"), beforeStartTime: input.date("BeforeStartTime"),
            afterStartTime: input.date("AfterStartTime"), beforeDateCreated: input.date("BeforeDateCreated"),
            afterDateCreated: input.date("AfterDateCreated"), status: input.string("Status").flatMap(TranscriptStatus.init(rawValue:)),
            languageCode: input.string("LanguageCode"), sourceSid: input.string("SourceSid"))
        let listed = try await collect({ context.client.intelligence.listTranscripts(filter, limit: $0) },
                                       limit: input.int("limit") ?? context.defaultListLimit)
        var transcripts: [TranscriptWithSentences] = []
        for transcript in listed.items {
            let sentences: [TranscriptSentence]? = switch (input.bool("IncludeTranscriptText") == true, transcript.status) {
            case (false, _): nil
            case (true, .completed): try await allSentences(of: transcript.sid, TranscriptSentenceListOptions(), context.client)
            case (true, _): []
            }
            transcripts.append(TranscriptWithSentences(transcript: transcript, sentences: sentences))
        }
        return listed.replacingItems(with: transcripts)
    }

    static let getTranscripts = CoreAction(
        "getTranscripts", title: "Get Transcripts",
        summary: "Fetch transcripts by SID, each with all of its sentences.",
        parameters: [
            .init("TranscriptSids", .stringList(maxCount: 20, item: .sid("GT")), required: true, "Up to 20 transcript SIDs (GT…)."),
            .init("Redacted", .boolean, "false returns the original sentences instead of the PII-redacted ones."),
        ]
    ) { input, context throws(ActionFailure) in
        let options = TranscriptSentenceListOptions(redacted: input.bool("Redacted"))
        let intelligence = context.client.intelligence
        var results: [TranscriptWithSentences] = []
        for sid in input.strings("TranscriptSids") {
            let transcript = try await twilio { () async throws(TwilioError) in try await intelligence.fetchTranscript(sid) }
            results.append(TranscriptWithSentences(transcript: transcript, sentences: try await allSentences(of: sid, options, context.client)))
        }
        return results
    }

    /// Every sentence of transcript `sid`.
    private static func allSentences(of sid: String?, _ options: TranscriptSentenceListOptions,
                                     _ client: TwilioClient) async throws(ActionFailure) -> [TranscriptSentence] {
        guard let sid else { return [] }
        return try await twilio { () async throws(TwilioError) in try await client.intelligence.listSentences(sid, options).collect() }
    }
}
