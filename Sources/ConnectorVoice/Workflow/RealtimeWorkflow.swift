import TwilioKit

/// A real-time workflow: what runs during a call, on its media stream. It reads the call's
/// ``RealtimeCall/events`` — the caller's audio as 16-bit PCM at 8 kHz, DTMF digits, marks played
/// — and acts on the call: plays audio, marks a point and learns when the caller heard it, clears
/// queued audio (barge-in), hangs up, transfers, records, presses keys, redirects. It ends with a
/// result, a JSON object, which makeCall returns.
///
/// ```swift
/// struct Greeter: RealtimeWorkflow {
///     let greeting: [Int16]            // 8 kHz PCM
///
///     func run(_ call: RealtimeCall) async throws -> [String: JSONValue] {
///         call.play(greeting)
///         let heard = await call.mark("greeting")      // waits until the caller has heard it
///         for await event in call.events {
///             if case .digit(let digit) = event {
///                 try await call.hangUp()
///                 return ["heard": .bool(heard == .played), "digit": .string(digit)]
///             }
///         }
///         return ["heard": .bool(heard == .played)]        // the caller hung up
///     }
/// }
/// ```
///
/// `run` is called once per call, when Twilio's `start` message arrives. The events end when the
/// call's stream stops (the caller hung up, or the call moved on); `run` should return soon after,
/// or it is cancelled. When `run` returns while the call goes on, the audio already queued is
/// played, then the stream closes and Twilio continues with the call's TwiML after `<Connect>`
/// (for makeCall's and inboundCall's TwiML, nothing: the call ends). A thrown error ends the
/// workflow too; the result is then `{"error": "<the error>"}`.
public protocol RealtimeWorkflow: Sendable {
    /// Handles one call, returning its result.
    func run(_ call: RealtimeCall) async throws -> [String: JSONValue]
}
