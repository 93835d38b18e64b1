import Foundation
import Synchronization

/// The sandbox's own time, for the rules that depend on how long ago something happened (the
/// 24-hour WhatsApp customer-service window): the wall clock plus an offset that only moves
/// forward, advanced through `POST /sandbox/clock` so that a test — or a person trying a flow —
/// can let a day pass in a second. Nothing else reads it: messages keep their real dates, and
/// status steps and scheduled sends run on real time.
final class SandboxClock: Sendable {
    /// How far the sandbox's time is ahead of the wall clock.
    private let offset = Mutex<TimeInterval>(0)

    /// The sandbox's present.
    var now: Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    /// How far the sandbox's time is ahead of the wall clock, in seconds.
    var offsetSeconds: TimeInterval { offset.withLock { $0 } }

    /// Lets `duration` pass at once.
    func advance(by duration: ClockDuration) {
        offset.withLock { $0 += duration.seconds }
    }
}
