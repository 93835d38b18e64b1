import Hummingbird
import TwilioKit

/// Voice Intelligence v2 (`https://intelligence.twilio.com/v2/Transcripts…`): create (from the
/// sandbox's own recordings), list, fetch, delete transcripts, and list their sentences.
struct TranscriptsController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Transcripts", use: create)
        group.get("Transcripts", use: list)
        group.get("Transcripts/{TranscriptSid}", use: fetch)
        group.delete("Transcripts/{TranscriptSid}", use: delete)
        group.get("Transcripts/{TranscriptSid}/Sentences", use: sentences)
    }

    /// CreateTranscript: `ServiceSid`, `Channel` (JSON: `media_properties.source_sid` names one of
    /// the account's recordings, or `media_url` some audio), `CustomerKey`, `MediaStartTime`.
    /// Answers 202 with the `queued` transcript; see ``TranscriptionSimulator``.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let transcript = try await TranscriptionSimulator(world: world).create(try await request.form(), accountSID: try context.account)
        return SandboxResponse.json(transcript.json, status: .accepted)
    }

    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let query = request.query
        let transcripts = await world.transcripts.list(accountSID: try context.account, filter: try TranscriptFilter(query))
        let page = try PageRequest(query).metaPage(transcripts.map(\.json), key: "transcripts", origin: request.sandboxOrigin("intelligence"),
                                                    path: "/v2/Transcripts", query: query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(try await transcript(context).json)
    }

    @Sendable func delete(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sid = try context.parameters.require("TranscriptSid")
        guard await world.transcripts.delete(sid, accountSID: try context.account) else { throw SandboxError.notFound("/Transcripts/\(sid)") }
        return SandboxResponse.noContent
    }

    /// ListSentence: in order; `Redacted` (default: the transcript's redaction) masks PII,
    /// `WordTimestamps` adds word timings. Pages hold at most 1000 sentences (the spec allows 5000).
    @Sendable func sentences(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let transcript = try await transcript(context)
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
        let page = try PageRequest(query).metaPage(items, key: "sentences", origin: request.sandboxOrigin("intelligence"),
                                                    path: "/v2/Transcripts/\(transcript.sid)/Sentences", query: query)
        return SandboxResponse.json(page)
    }

    private func transcript(_ context: SandboxRequestContext) async throws -> TranscriptRecord {
        let sid = try context.parameters.require("TranscriptSid")
        guard let transcript = await world.transcripts.transcript(sid, accountSID: try context.account) else {
            throw SandboxError.notFound("/Transcripts/\(sid)")
        }
        return transcript
    }
}
