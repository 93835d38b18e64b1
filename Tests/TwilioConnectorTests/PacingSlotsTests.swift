import Testing
@testable import TwilioConnector

/// The bulk pacer's schedule: slots one interval apart, woken a burst window at a time.
struct PacingSlotsTests {
    private let start = ContinuousClock.now

    /// The wake-ups of `count` sends asked for all at once, at `start`, at `rate` a second.
    private func wakes(_ count: Int, rate: Double) -> [Duration] {
        var slots = PacingSlots(messagesPerSecond: rate)
        return (0..<count).map { _ in slots.wake(forNextSendAt: start) - start }
    }

    @Test func sendsDueWithinOneWindowWakeTogether() {
        // 1 000 a second: a slot each millisecond, ten to a 10 ms window.
        #expect(PacingSlots.burstWindow == .milliseconds(10))
        let wakes = wakes(25, rate: 1_000)
        #expect(wakes == (0..<25).map { Duration.milliseconds($0 / 10 * 10) })
    }

    @Test func slowRatesWakeAtTheirWindowsNeverLate() {
        // 3 a second: slots at 0, 333.3 and 666.7 ms, each woken at the start of its 10 ms window.
        #expect(wakes(3, rate: 3) == [.zero, .milliseconds(330), .milliseconds(660)])
    }

    @Test(arguments: [1.0, 10, 30, 1_000, 4_000])
    func theRateHoldsOverAMinuteAndNoSendIsMoreThanAWindowEarly(rate: Double) {
        let count = Int(rate * 60)
        let wakes = wakes(count, rate: rate)
        let interval = Duration.nanoseconds(Int64(1_000_000_000 / rate))
        for (index, wake) in wakes.enumerated() {
            let slot = interval * index
            #expect(wake <= slot && wake > slot - PacingSlots.burstWindow - .nanoseconds(1), "send \(index)")
            if wake > slot || wake <= slot - PacingSlots.burstWindow - .nanoseconds(1) { break }
        }
        let span = wakes.last! - wakes.first!
        #expect(span >= interval * (count - 1) - PacingSlots.burstWindow)
    }

    @Test func aSendAskedForLateStartsAtOnceAndTheRestFollowFromIt() {
        var slots = PacingSlots(messagesPerSecond: 100)
        #expect(slots.wake(forNextSendAt: start) == start)
        let late = start + .seconds(2)
        #expect(slots.wake(forNextSendAt: late) == late, "a free slot is taken at once")
        #expect(slots.wake(forNextSendAt: late) - start == .milliseconds(2_010), "the next one an interval later, in its window")
    }
}
