extension HandsetDirectory {
    /// How a simulated handset answers a call.
    enum CallOutcome: String, Sendable, CaseIterable {
        /// Answered by a person (`AnsweredBy=human` when machine detection runs).
        case human
        /// Answered by voicemail (`AnsweredBy=machine_start`, or `machine_end_beep` with `DetectMessageEnd`).
        case machine
        /// Busy signal: the call ends `busy`.
        case busy
        /// Rings until the call's `Timeout`: the call ends `no-answer`.
        case noAnswer = "no-answer"
        /// Cannot be reached: the call ends `failed`.
        case failed
    }

    /// Handsets that always answer calls one way (listed by `GET /sandbox/calls`): +15005550012 is
    /// busy, +15005550013 never answers, +15005550014 cannot be reached, +15005550015 is voicemail.
    static let magicCallOutcomes: [String: CallOutcome] = [
        "+15005550012": .busy, "+15005550013": .noAnswer, "+15005550014": .failed, "+15005550015": .machine,
    ]

    /// How `address` (a number, `client:` or `sip:` address) answers a call; people answer by default.
    nonisolated func callOutcome(for address: String) -> CallOutcome {
        Self.magicCallOutcomes[address] ?? .human
    }
}
