import TwilioKit

/// The bridge used until a WebSocket client is plugged in: it records the stream request in the
/// call's event log and reports that nothing was exchanged.
struct LoggingMediaStreamBridge: MediaStreamBridge {
    let voice: VoiceState

    func run(_ stream: TwiML.Stream, call: CallRecord) async -> MediaStreamOutcome {
        await voice.log(call.sid, CallEvent("stream", [
            ("url", .string(stream.url)), ("name", .optional(stream.name)), ("track", .string(stream.track.rawValue)),
            ("parameters", .object(stream.parameters.map { ($0.name, .string($0.value)) })),
            ("connected", false),
        ]))
        return .empty
    }
}
