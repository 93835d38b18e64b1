import Hummingbird
import TwilioKit

/// `/twimlets/echo?Twiml=…`: answers with the TwiML it is given, as Twilio's echo twimlet does,
/// so a `Url`, `VoiceUrl` or `SmsUrl` can point at a fixed document without a server of one's own.
/// Public (no credentials), like twimlets.com.
struct TwimletsController {
    static let prefix = "/twimlets"

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("echo", use: echo)
        group.post("echo", use: echo)
    }

    /// Answers the `Twiml` parameter (query or form) as `text/xml`, once it parses as TwiML.
    @Sendable func echo(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let body = request.method == .post ? try await request.form() : FormParameters()
        guard let twiml = request.query.first("Twiml") ?? body.first("Twiml"), !twiml.isEmpty else {
            throw SandboxError.missingParameter("Twiml")
        }
        do {
            _ = try TwiMLDocument.parse(twiml)
        } catch {
            throw SandboxError.invalidParameter("Twiml", twiml, rule: "must be a TwiML document <Response>…</Response> (\(error))")
        }
        return SandboxResponse.bytes(Array(twiml.utf8), contentType: "text/xml")
    }
}
