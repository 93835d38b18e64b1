import Hummingbird
import TwilioKit

/// `/sandbox/…` for voice: simulated handsets calling owned numbers, and each call's event log
/// (text said, URLs played, digits gathered, recordings, streams). Scoped to the caller's account.
struct VoiceInspectionController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("handsets/{Number}/calls", use: handsetCalls)
        group.get("calls", use: calls)
        group.get("calls/{CallSid}/events", use: events)
    }

    /// The handset calls an owned number: form or JSON `To`, `Digits` (repeatable: one string per
    /// `<Gather>`), `ForwardedFrom`, `CallerName`. Answers at once with the ringing call.
    @Sendable func handsetCalls(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let handset = try context.parameters.require("Number")
        let form = try await request.flexibleForm()
        let call = try await world.calls.receive(
            from: handset, to: try form.required("To"), digits: form.values("Digits"),
            forwardedFrom: form.first("ForwardedFrom"), callerName: form.first("CallerName"), apiOrigin: request.apiOrigin)
        return SandboxResponse.json(.object([("call", call.json)]), status: .created)
    }

    /// Every call of the account, newest first, and the handsets whose answer is fixed.
    @Sendable func calls(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let calls = await world.voice.list(accountSID: try context.account)
        let magic = HandsetDirectory.magicCallOutcomes.sorted { $0.key < $1.key }.map { ($0.key, SandboxJSON.string($0.value.rawValue)) }
        return SandboxResponse.json(.object([("calls", .array(calls.map(\.json))), ("magic_handsets", .object(magic))]))
    }

    /// The call's event log, oldest first.
    @Sendable func events(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sid = try context.parameters.require("CallSid")
        guard let call = await world.voice.call(sid, accountSID: try context.account) else {
            throw SandboxError.notFound(request.uri.path)
        }
        let events = await world.voice.events(of: sid)
        return SandboxResponse.json(.object([("call", call.json), ("events", .array(events.map(\.json)))]))
    }
}
