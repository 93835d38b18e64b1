/// The time a stream paces its outbound audio by: a monotonic clock, replaced in tests.
public protocol PlayoutClock: Sendable {
    /// The time now, since an arbitrary fixed origin.
    var now: Duration { get }
    /// Sleeps until `deadline` (a ``now`` value); throws when the task is cancelled.
    func sleep(until deadline: Duration) async throws
}

/// The wall-independent clock of the process.
public struct ContinuousPlayoutClock: PlayoutClock {
    private let origin = ContinuousClock.now

    /// Creates a clock whose origin is now.
    public init() {}

    public var now: Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline)
    }
}
