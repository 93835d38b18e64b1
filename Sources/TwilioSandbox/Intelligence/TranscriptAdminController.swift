import Foundation
import Hummingbird

/// `POST /sandbox/transcripts`: creates a completed transcript, as if Voice Intelligence had
/// transcribed a call. Form or JSON: `Sentences` (`Speaker: text` lines, one value per line or
/// newline-separated), and optionally `CallSid`, `SourceSid` (`RE…`), `ServiceSid` (`GA…`, the demo
/// service by default), `LanguageCode` (`en-US`), `CustomerKey`, `Redaction` (true).
struct TranscriptAdminController {
    let intelligence: IntelligenceFacade

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("transcripts", use: create)
    }

    /// Stores a completed transcript of the form's `Sentences`.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let form = try await request.flexibleForm()
        let lines = form.values("Sentences").flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
        guard lines.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw SandboxError.missingParameter("Sentences")
        }
        func sid(_ name: String, _ prefix: String) throws(SandboxError) -> String? {
            guard let value = form.first(name) else { return nil }
            guard SID.isValid(value, prefix: prefix) else { throw .invalidParameter(name, value, rule: "must be a \(prefix) SID") }
            return value
        }
        var builder = TranscriptBuilder(accountSID: account, serviceSID: try sid("ServiceSid", "GA") ?? DemoTranscripts.serviceSID,
                                        sourceSID: try sid("SourceSid", "RE") ?? SID.make("RE"), callSID: try sid("CallSid", "CA"))
        builder.languageCode = form.first("LanguageCode") ?? builder.languageCode
        builder.customerKey = form.first("CustomerKey")
        builder.redaction = try form.bool("Redaction") ?? true
        let transcript = builder.build(lines, date: Date())
        await intelligence.insert(transcript)
        return SandboxResponse.json(transcript.json, status: .created)
    }
}
