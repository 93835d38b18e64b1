import Hummingbird
import TwilioKit

/// `/sandbox/…` for voice: simulated handsets calling owned numbers and pressing keys during a
/// call, each call's event log (text said, URLs played, digits gathered, recordings, streams) and
/// the audio applications streamed to it. Scoped to the caller's account.
struct VoiceInspectionController {
    let voice: VoiceFacade
    /// Where a calling handset's `Speech` answers wait for the call's `<Gather>`s.
    let handsets: HandsetDirectory

    /// Calls by `{CallSid}`, within the caller's account.
    private var calls: ResourceRoutes<CallRecord> {
        ResourceRoutes(api: .inspection, sidParameter: "CallSid", notFound: .requestPath, lookup: voice.call(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("handsets/{Number}/calls", use: handsetCalls)
        group.get("calls", use: allCalls)
        group.get("calls/{CallSid}/events", use: events)
        group.get("calls/{CallSid}/audio", use: audio)
        group.post("calls/{CallSid}/digits", use: digits)
    }

    /// The handset calls an owned number: form or JSON `To`, `Digits` (repeatable: one string per
    /// `<Gather>`), `Speech` (the same for speech `<Gather>`s), `ForwardedFrom`, `CallerName`.
    /// Answers at once with the ringing call.
    @Sendable func handsetCalls(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let handset = try context.parameters.require("Number")
        let form = try await request.flexibleForm()
        await handsets.queue(form.values("Speech"), .speech, for: handset)
        let call = try await voice.receive(
            from: handset, to: try form.required("To"), digits: form.values("Digits"),
            forwardedFrom: form.first("ForwardedFrom"), callerName: form.first("CallerName"), apiOrigin: request.apiOrigin)
        return SandboxResponse.json(.object([("call", call.json)]), status: .created)
    }

    /// Every call of the account, newest first, and the handsets whose answer is fixed.
    @Sendable func allCalls(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let found = await voice.list(accountSID: try context.account)
        let magic = HandsetDirectory.magicCallOutcomes.sorted { $0.key < $1.key }.map { ($0.key, SandboxJSON.string($0.value.rawValue)) }
        return SandboxResponse.json(.object([("calls", .array(found.map(\.json))), ("magic_handsets", .object(magic))]))
    }

    /// The call's event log, oldest first.
    @Sendable func events(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let call = try await calls.record(request, context)
        let events = await voice.events(of: call.sid)
        return SandboxResponse.json(.object([("call", call.json), ("events", .array(events.map(\.json)))]))
    }

    /// The handset presses keys during the live call: form or JSON `Digits` (`0`–`9`, `*`, `#`).
    /// With a stream connected they reach the application as `dtmf` messages, one per key, in
    /// order; otherwise they wait for the call's next `<Gather>` or stream. Answers where they went
    /// (`delivery`: `stream` with its `stream_sid`, or `queued`); 21220 once the call has ended.
    @Sendable func digits(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let call = try await calls.record(request, context)
        let form = try await request.flexibleForm()
        let digits = try form.required("Digits")
        guard digits.allSatisfy(Self.keys.contains) else {
            throw SandboxError.invalidParameter("Digits", digits, rule: "must be keys of a phone: 0-9, * and #")
        }
        let delivery = try await voice.press(digits, on: call)
        return SandboxResponse.json(.object([("call_sid", .string(call.sid)), ("digits", .string(digits)),
                                             ("delivery", .string(delivery.name)), ("stream_sid", .optional(delivery.streamSID))]))
    }

    /// The keys of a phone's keypad.
    private static let keys = Set("0123456789*#")

    /// What applications sent the call over `<Connect><Stream>`, as a mono WAV (8 kHz, 16-bit);
    /// 404 when nothing was streamed to it.
    @Sendable func audio(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let call = try await calls.record(request, context)
        let audio = await voice.receivedAudio(of: call.sid)
        guard !audio.isEmpty else {
            throw SandboxError(.notFound, code: 20404, "No application streamed audio to call \(call.sid)")
        }
        return SandboxResponse.bytes(WAVEncoder.wav(samples: MuLaw.decode(audio), channels: 1), contentType: WAVEncoder.contentType)
    }
}
