import TwilioKit

/// Spaces sends at a fixed rate: each call to ``nextSlot()`` waits until its turn, so `n` sends take
/// at least `(n - 1) / rate` seconds minus ``PacingSlots/burstWindow``, however many run concurrently.
actor SendPacer {
    /// Where the sends run and wait for their turn: the client's preferred executor, whose timers
    /// wake its own thread (a bulk send waits once per burst window).
    nonisolated let executor: (any TimerTaskExecutor)?
    private var slots: PacingSlots
    private let clock = ContinuousClock()

    /// A pacer allowing `messagesPerSecond`, for sends on `executor` (the global executor if `nil`).
    init(messagesPerSecond: Double, executor: (any TimerTaskExecutor)? = nil) {
        slots = PacingSlots(messagesPerSecond: messagesPerSecond)
        self.executor = executor
    }

    /// Waits for the next free slot.
    func nextSlot() async throws {
        let now = clock.now
        let wake = slots.wake(forNextSendAt: now)
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

/// When each send of a paced run may start (pure: the time is passed in). Sends get slots one
/// interval apart; a send wakes at the start of the ``burstWindow`` its slot falls in, counted from
/// the first send, so that the sends due within one window wake together — one wake-up of their
/// thread, and their answers read together, instead of one each (at 1 000 a second, one for ten).
/// A send starts at most one window early; the rate over any span longer than a window is unchanged.
struct PacingSlots {
    static let burstWindow = Duration.milliseconds(10)

    private let interval: Duration
    /// The first send's start, from which windows are counted.
    private var origin: ContinuousClock.Instant?
    /// The next free slot.
    private var nextStart: ContinuousClock.Instant?

    init(messagesPerSecond: Double) {
        interval = .nanoseconds(Int64(1_000_000_000 / max(messagesPerSecond, 0.001)))
    }

    /// Takes the next free slot for a send asked for at `now`; when it may start (`now` if at once).
    mutating func wake(forNextSendAt now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let origin = origin ?? now
        self.origin = origin
        let start = max(now, nextStart ?? now)
        nextStart = start + interval
        let windows = Int64(((start - origin) / Self.burstWindow).rounded(.down))
        return max(now, origin + Self.burstWindow * windows)
    }
}
