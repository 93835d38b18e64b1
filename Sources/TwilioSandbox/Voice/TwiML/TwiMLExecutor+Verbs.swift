import Foundation
import TwilioKit

extension TwiMLExecutor {
    /// Simulated seconds an audio file of unknown length plays (`<Play>` with a URL).
    static let playSeconds = 2.0
    /// Simulated seconds the handset talks when it is recorded (`<Record>`).
    static let spokenMessageSeconds = 3

    /// How many times a verb with `loop` runs; `nil` for `loop="0"`: until the call ends.
    private static func repetitions(_ loop: Int) -> Int? { loop == 0 ? nil : max(1, loop) }

    /// `<Say>`: logs the text; it takes 0.4 s a word.
    func say(_ say: TwiML.Say, within parent: String? = nil) async throws {
        await log("say", [("text", .string(say.text)), ("voice", .string(say.voice)), ("language", .string(say.language)),
                          ("loop", .int(say.loop)), ("within", .optional(parent))])
        try await repeatFor(say.loop, seconds: VoiceClock.speakingTime(of: say.text))
    }

    /// `<Play>`: logs the URL or digits; a file takes ``playSeconds``, a digit half a second.
    func play(_ play: TwiML.Play, within parent: String? = nil) async throws {
        await log("play", [("url", .optional(play.url)), ("digits", .optional(play.digits)), ("loop", .int(play.loop)),
                           ("within", .optional(parent))])
        let seconds = play.url != nil ? Self.playSeconds : Double(play.digits?.count ?? 0) * VoiceClock.keyPressTime
        try await repeatFor(play.loop, seconds: seconds)
    }

    /// `<Pause>`: silence for `length` seconds.
    func pause(_ pause: TwiML.Pause, within parent: String? = nil) async throws {
        await log("pause", [("length", .int(pause.length)), ("within", .optional(parent))])
        try await pass(Double(pause.length))
    }

    /// Lets `seconds` pass `loop` times (until the call ends for `loop="0"`).
    private func repeatFor(_ loop: Int, seconds: Double) async throws {
        guard let count = Self.repetitions(loop) else {
            // loop="0": until the call ends, which the time limit (or a hang-up) decides.
            while true { try await pass(max(seconds, 1)) }
        }
        try await pass(seconds * Double(count))
    }

    /// `<Gather>`: plays its prompts, then takes the handset's next queued digits
    /// (``HandsetDirectory/nextAnswer(_:for:)``), cut at `finishOnKey` and `numDigits`, and posts
    /// them to `action` (the document's URL by default) as `Digits`; with `input` speech and no
    /// digits, the handset's next queued phrase as `SpeechResult` and `Confidence`. Without
    /// either it waits `timeout` seconds and falls through to the next verb.
    func gather(_ gather: TwiML.Gather, in document: Document) async throws -> Step? {
        for prompt in gather.prompts {
            switch prompt {
            case .say(let say): try await self.say(say, within: "Gather")
            case .play(let play): try await self.play(play, within: "Gather")
            case .pause(let pause): try await self.pause(pause, within: "Gather")
            }
        }
        guard let call = await voice.call(callSID) else { return .end(.ended) }
        let pressed = gather.input.contains(.dtmf) ? await simulator.environment.handsets.nextAnswer(.digits, for: call.handset) : nil
        let (digits, finishedOnKey) = pressed.map { Self.collect($0, gather) } ?? ("", nil)
        if digits.isEmpty, gather.input.contains(.speech), let speech = await simulator.environment.handsets.nextAnswer(.speech, for: call.handset) {
            return try await heard(speech, gather, in: document)
        }
        guard let pressed, !digits.isEmpty else {
            await log("gather", [("digits", .null), ("timeout", .int(gather.timeout)), ("timed_out", true)])
            try await pass(Double(gather.timeout))
            return nil
        }
        try await pass(Double(pressed.count) * VoiceClock.keyPressTime)
        let action = await resolve(gather.action, in: document)
        await log("gather", [("digits", .string(digits)), ("finished_on_key", .optional(finishedOnKey)), ("action", .optional(action))])
        guard let action else { return nil }
        return .fetch(.url(action, method: gather.method.rawValue, adding: [("Digits", digits), ("FinishedOnKey", finishedOnKey ?? "")]))
    }

    /// The handset said `speech` to a speech `<Gather>`: it takes as long to say as to hear, and
    /// goes to `action` as `SpeechResult` with a fixed `Confidence`.
    private func heard(_ speech: String, _ gather: TwiML.Gather, in document: Document) async throws -> Step? {
        try await pass(VoiceClock.speakingTime(of: speech))
        let action = await resolve(gather.action, in: document)
        await log("gather", [("speech", .string(speech)), ("action", .optional(action))])
        guard let action else { return nil }
        return .fetch(.url(action, method: gather.method.rawValue, adding: [("SpeechResult", speech), ("Confidence", "0.92")]))
    }

    /// The digits a `<Gather>` keeps of the keys pressed, and the finishing key if one was pressed.
    static func collect(_ pressed: String, _ gather: TwiML.Gather) -> (digits: String, finishedOnKey: String?) {
        var digits = ""
        for key in pressed {
            if gather.finishOnKey.contains(key) { return (digits, String(key)) }
            digits.append(key)
            if let limit = gather.numDigits, digits.count >= limit { break }
        }
        return (digits, nil)
    }

    /// `<Record>`: the handset talks for ``spokenMessageSeconds`` (at most `maxLength`), then
    /// `timeout` seconds of silence end the recording. A Recording (`RE…`, source `RecordVerb`) is
    /// stored with a tone of that length, `recordingStatusCallback` is told, and `action` (the
    /// document's URL by default) gets `RecordingUrl`, `RecordingSid` and `RecordingDuration`.
    func record(_ record: TwiML.Record, in document: Document) async throws -> Step? {
        let seconds = max(1, min(Self.spokenMessageSeconds, record.maxLength))
        let silence = record.timeout > 0 ? Double(record.timeout) : Double(max(0, record.maxLength - seconds))
        try await pass(Double(seconds) + silence)
        guard let call = await voice.call(callSID) else { return .end(.ended) }
        var notification: RecordingNotification?
        if let target = record.recordingStatusCallback, let url = await resolve(target, in: document) {
            notification = RecordingNotification(url: url, method: "POST", events: [.completed])
        }
        let recording = await simulator.makeRecording(
            of: call, source: .recordVerb, seconds: seconds, channels: 1, track: "inbound",
            startTime: Date().addingTimeInterval(-Double(seconds)), notification: notification)
        let action = await resolve(record.action, in: document)
        await log("record", [("recording_sid", .string(recording.sid)), ("duration", .int(seconds)),
                             ("play_beep", .bool(record.playBeep)), ("transcribe", .bool(record.transcribe)),
                             ("action", .optional(action))])
        guard let action else { return nil }
        return .fetch(.url(action, method: record.method.rawValue, adding: [
            ("RecordingUrl", recording.mediaURL), ("RecordingSid", recording.sid), ("RecordingDuration", String(seconds)),
        ]))
    }
}
