/// The time a stream paces its outbound audio by: a monotonic clock, replaced in tests.
public protocol PlayoutClock: Sendable {
    /// The time now, since an arbitrary fixed origin.
    var now: Duration { get }
    /// Runs `body` where `output` may be written once the time is `deadline` (a ``now`` value), at
    /// once if it has passed.
    func schedule(at deadline: Duration, on output: any MediaStreamOutput, _ body: @escaping @Sendable () -> Void)
}

/// The wall-independent clock of the process: its timers are the output's own (a connection's
/// event loop), so that pacing a frame costs no task, no thread and no hop.
public struct ContinuousPlayoutClock: PlayoutClock {
    private let origin = ContinuousClock.now

    /// Creates a clock whose origin is now.
    public init() {}

    public var now: Duration { ContinuousClock.now - origin }

    public func schedule(at deadline: Duration, on output: any MediaStreamOutput, _ body: @escaping @Sendable () -> Void) {
        output.execute(after: deadline - now, body)
    }
}
