import TwilioKit

/// `play`: plays a WAV file or a tone, then hangs up once the caller has heard it (`then:
/// hangup`, the default) or keeps the call until the caller hangs up (`then: continue`).
/// Answers the seconds played and whether the caller heard all of it.
public struct PlayWorkflow: RealtimeWorkflow {
    /// What happens once the audio has played.
    public enum Then: String, Sendable, CaseIterable {
        /// Hang up.
        case hangup
        /// Keep the call until the caller hangs up.
        case `continue`
    }

    /// The audio, 8 kHz PCM.
    let audio: [Int16]
    let then: Then

    /// Plays `audio` (8 kHz PCM), then does `then`.
    public init(audio: [Int16], then: Then = .hangup) {
        self.audio = audio
        self.then = then
    }

    public func run(_ call: RealtimeCall) async throws -> [String: JSONValue] {
        call.play(audio)
        let outcome = await call.mark("played")
        var result: [String: JSONValue] = ["seconds": .number(Double(audio.count) / 8000), "heard": .bool(outcome == .played)]
        switch then {
        case .hangup where outcome == .played:
            result["hungUp"] = .bool(await Hangup.attempt(call))
        case .hangup:
            result["hungUp"] = false
        case .continue:
            for await _ in call.events {}
        }
        return result
    }
}

/// Hangs a call up from a workflow, logging (not throwing) a failure: the workflow then returns,
/// its stream closes and the call ends all the same.
enum Hangup {
    /// Whether Twilio accepted the hang-up.
    static func attempt(_ call: RealtimeCall) async -> Bool {
        do {
            try await call.hangUp()
            return true
        } catch {
            call.logger.warning("The call could not be hung up (\(error)); closing its stream instead")
            return false
        }
    }
}
