/// Simulated call time: a second of a call (speech, pauses, ringing, gather timeouts) passes in
/// a tenth of the configured `statusStep` of real time, so a call's reported duration is
/// realistic while tests run fast (20 ms steps: 2 ms per simulated second).
struct VoiceClock: Sendable {
    /// Real time per simulated second.
    let secondLength: Duration

    /// A clock whose simulated second lasts a tenth of `statusStep`.
    init(statusStep: Duration) {
        secondLength = statusStep / 10
    }

    /// Lets `seconds` of call time pass; throws `CancellationError` when the task is cancelled.
    func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(for: secondLength * seconds)
    }

    /// Simulated seconds to speak `text`: 150 words a minute.
    static func speakingTime(of text: String) -> Double {
        Double(max(1, text.split(whereSeparator: \.isWhitespace).count)) * 0.4
    }

    /// Seconds one DTMF key takes to press or play.
    static let keyPressTime = 0.5
}
