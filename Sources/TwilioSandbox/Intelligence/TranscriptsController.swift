import Hummingbird
import TwilioKit

/// Voice Intelligence v2 (`https://intelligence.twilio.com/v2/Transcripts…`): create (from the
/// sandbox's own recordings), list, fetch, delete transcripts, and list their sentences.
struct TranscriptsController {
    let intelligence: IntelligenceFacade

    /// Transcripts by `{TranscriptSid}`, within the caller's account.
    private var transcripts: ResourceRoutes<TranscriptRecord> {
        ResourceRoutes(api: .intelligence, sidParameter: "TranscriptSid", notFound: .resource { "/Transcripts/\($0)" },
                       lookup: intelligence.transcript(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Transcripts", use: create)
        group.get("Transcripts", use: list)
        group.get("Transcripts/{TranscriptSid}", use: transcripts.fetch { $0.json })
        group.delete("Transcripts/{TranscriptSid}", use: transcripts.delete { [intelligence] in await intelligence.delete($0) })
        group.get("Transcripts/{TranscriptSid}/Sentences", use: sentences)
    }

    /// CreateTranscript: `ServiceSid`, `Channel` (JSON: `media_properties.source_sid` names one of
    /// the account's recordings, or `media_url` some audio), `CustomerKey`, `MediaStartTime`.
    /// Answers 202 with the `queued` transcript; see ``TranscriptionSimulator``.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let transcript = try await intelligence.create(try await request.form(), accountSID: try context.account)
        return SandboxResponse.json(transcript.json, status: .accepted)
    }

    /// ListTranscript: the filters of ``TranscriptFilter``, newest first, paged.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let found = await intelligence.list(accountSID: try context.account, filter: try TranscriptFilter(request.query))
        return try TwilioAPI.intelligence.page(found.map(\.json), key: "transcripts", path: "/v2/Transcripts", request: request)
    }

    /// ListSentence: in order; `Redacted` (default: the transcript's redaction) masks PII,
    /// `WordTimestamps` adds word timings. Pages hold at most 1000 sentences (the spec allows 5000).
    @Sendable func sentences(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let transcript = try await transcripts.record(request, context)
        var query = FormParameters()
        for item in request.query.items {
            if item.name == "PageSize", let size = Int(item.value), (1001...5000).contains(size) {
                query.add(item.name, 1000)
            } else {
                query.add(item.name, item.value)
            }
        }
        let redacted = try query.bool("Redacted") ?? transcript.redaction
        let wordTimestamps = try query.bool("WordTimestamps") ?? false
        let items = transcript.servedSentences.map { $0.json(redacted: redacted, wordTimestamps: wordTimestamps) }
        return try TwilioAPI.intelligence.page(items, key: "sentences", path: "/v2/Transcripts/\(transcript.sid)/Sentences",
                                               request: request, query: query)
    }
}
