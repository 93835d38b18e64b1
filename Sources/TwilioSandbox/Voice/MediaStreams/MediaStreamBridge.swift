import TwilioKit

/// Connects a call's `<Connect><Stream>` to the application's WebSocket server: sends Twilio's
/// Media Streams messages (`connected`, `start`, `media`, `stop`) for `call`, and collects what
/// the server sends back, until the stream ends. The TwiML executor waits for ``run(_:call:)``
/// to return before it goes on with the call.
protocol MediaStreamBridge: Sendable {
    /// Runs `stream` for `call` until it ends; what was exchanged.
    func run(_ stream: TwiML.Stream, call: CallRecord) async -> MediaStreamOutcome
}
