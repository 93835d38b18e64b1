import TwilioKit

/// Spaces sends at a fixed rate: each call to ``nextSlot()`` waits until its turn, so `n` sends take
/// at least `(n - 1) / rate` seconds minus ``burstWindow``, however many run concurrently.
actor SendPacer {
    /// How early a send may start before its turn: the sends due within it go together, on one
    /// wake-up of their thread instead of one each (at 1 000 a second, five instead of one). The
    /// rate over any longer span is unchanged.
    static let burstWindow = Duration.milliseconds(5)

    /// Where the sends run and wait for their turn: the client's preferred executor, whose timers
    /// wake its own thread (a bulk send waits once per message).
    nonisolated let executor: (any TimerTaskExecutor)?
    private let interval: Duration
    private var nextStart: ContinuousClock.Instant?
    private let clock = ContinuousClock()

    /// A pacer allowing `messagesPerSecond`, for sends on `executor` (the global executor if `nil`).
    init(messagesPerSecond: Double, executor: (any TimerTaskExecutor)? = nil) {
        interval = .nanoseconds(Int64(1_000_000_000 / max(messagesPerSecond, 0.001)))
        self.executor = executor
    }

    /// Waits for the next free slot.
    func nextSlot() async throws {
        let now = clock.now
        let start = max(now, nextStart ?? now)
        nextStart = start + interval
        let wake = start - Self.burstWindow
        guard wake > now else { return }
        if let executor { try await executor.sleep(until: wake) } else { try await clock.sleep(until: wake) }
    }

    /// Twilio's throughput for a sender: short code 30/s, toll-free 3/s, long code 1/s; a Messaging
    /// Service is given its own rate.
    static func defaultRate(from sender: String?, messagingService: Bool) -> Double {
        if messagingService { return 10 }
        guard let sender else { return 1 }
        let digits = sender.filter(\.isNumber)
        if !sender.hasPrefix("+"), (5...6).contains(digits.count) { return 30 }
        let tollFree = ["1800", "1833", "1844", "1855", "1866", "1877", "1888"]
        if sender.hasPrefix("+"), tollFree.contains(where: { digits.hasPrefix($0) }) { return 3 }
        return 1
    }
}
