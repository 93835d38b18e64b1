import Logging
import TwilioKit

/// One call as a ``RealtimeWorkflow`` sees it: what happens on it (``events``), and what the
/// workflow can do — play audio, mark a point and learn when the caller heard it, clear queued
/// audio, press keys, and act on the call through Twilio (hang up, transfer, redirect, record).
///
/// Audio goes out as Twilio wants it: µ-law at 8 kHz in 20 ms frames, paced to the caller's ear
/// (a little ahead of it), so that ``clear()`` stops playback at once.
public final class RealtimeCall: Sendable {
    /// The call's and stream's identifiers, its parties and custom parameters.
    public let start: CallStart
    /// What happens on the call, in order: the caller's audio, digits, marks played or cleared.
    /// Read it from one task; it ends when the call's stream stops.
    public let events: RealtimeCallEvents
    /// Where the workflow logs (the stream's logger: call and stream SIDs attached).
    public let logger: Logger

    private let core: StreamSessionCore
    private let control: any CallControl

    init(start: CallStart, events: RealtimeCallEvents, core: StreamSessionCore, control: any CallControl, logger: Logger) {
        self.start = start
        self.events = events
        self.core = core
        self.control = control
        self.logger = logger
    }

    /// Whether the stream still runs (audio and marks are accepted).
    public var isActive: Bool { !core.isEnded }

    // MARK: Audio

    /// Queues 16-bit linear PCM at 8 kHz for the caller, after the audio already queued.
    public func play(_ samples: [Int16]) {
        core.enqueue(audio: MuLaw.encode(samples))
    }

    /// Queues µ-law audio (8 kHz, no file header) for the caller.
    public func play(muLaw: [UInt8]) {
        core.enqueue(audio: muLaw)
    }

    /// Queues a chunk of audio as it came (an echo costs no transcoding).
    public func play(_ chunk: AudioChunk) {
        core.enqueue(audio: chunk.muLaw)
    }

    /// Queues a mark after the audio queued so far, and waits until the caller has heard that audio
    /// (``MarkOutcome/played``), it was cleared, or the call's stream ended.
    @discardableResult
    public func mark(_ name: String) async -> MarkOutcome {
        guard core.enqueue(mark: name) else { return .callEnded }
        return await core.outcome(of: name)
    }

    /// Queues a mark without waiting: its outcome arrives in ``events`` as
    /// ``RealtimeCallEvent/markPlayed(_:)`` or ``RealtimeCallEvent/markCleared(_:)``.
    public func queueMark(_ name: String) {
        core.enqueue(mark: name)
    }

    /// Drops every queued audio not yet heard, here and at Twilio (barge-in). Marks after it are
    /// reported cleared.
    public func clear() {
        core.clear()
    }

    /// Presses `digits` (`0`–`9`, `*`, `#`, `A`–`D`) as in-band DTMF tones on the call, after the
    /// audio queued so far. Other characters are skipped.
    public func sendDigits(_ digits: String) {
        play(DTMFTones.samples(for: digits))
    }

    // MARK: The call

    /// Hangs the call up (which ends the stream).
    public func hangUp() async throws(TwilioError) {
        try await control.update(callSid: start.callSid, CallUpdateParameters(status: .completed))
    }

    /// Transfers the call: `<Dial>` to `number` (the stream ends; the caller is connected to it).
    /// `callerId` is the number shown to the callee (by default the call's Twilio number).
    public func transfer(to number: String, callerId: String? = nil) async throws(TwilioError) {
        let dial = TwiML.Dial(.number(number), callerId: callerId)
        try await redirect(VoiceResponse([.dial(dial)]))
    }

    /// Continues the call with other TwiML (the stream ends).
    public func redirect(_ twiml: VoiceResponse) async throws(TwilioError) {
        try await control.update(callSid: start.callSid, CallUpdateParameters(redirect: .twiml(twiml.xml())))
    }

    /// Continues the call with the TwiML at `url` (the stream ends).
    public func redirect(url: String, method: HTTPMethod = .post) async throws(TwilioError) {
        try await control.update(callSid: start.callSid, CallUpdateParameters(redirect: .url(url, method: method)))
    }

    /// Starts recording the call at Twilio; the recording's SID (`RE…`), for ``stopRecording(_:)``.
    public func startRecording() async throws(TwilioError) -> String {
        try await control.startRecording(callSid: start.callSid)
    }

    /// Stops a recording started with ``startRecording()``.
    public func stopRecording(_ recordingSid: String) async throws(TwilioError) {
        try await control.stopRecording(callSid: start.callSid, recordingSid: recordingSid)
    }
}
