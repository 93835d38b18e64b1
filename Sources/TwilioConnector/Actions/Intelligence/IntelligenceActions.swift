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
            .init("limit", .integer(1...10_000), default: 50, "The most transcripts to return (default 50)."),
        ]
    ) { input, context throws(ActionFailure) in
        let filter = TranscriptListFilter(
            serviceSid: input.string("ServiceSid"), beforeStartTime: input.date("BeforeStartTime"),
            afterStartTime: input.date("AfterStartTime"), beforeDateCreated: input.date("BeforeDateCreated"),
            afterDateCreated: input.date("AfterDateCreated"), status: input.string("Status").flatMap(TranscriptStatus.init(rawValue:)),
            languageCode: input.string("LanguageCode"), sourceSid: input.string("SourceSid"))
        return .transcripts(try await collect({ context.client.intelligence.listTranscripts(filter, limit: $0) },
                                              limit: input.int("limit") ?? context.defaultListLimit))
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
            let sentences = try await twilio { () async throws(TwilioError) in try await intelligence.listSentences(sid, options).collect() }
            results.append(TranscriptWithSentences(transcript: transcript, sentences: sentences))
        }
        return .transcriptsWithSentences(results)
    }
}
