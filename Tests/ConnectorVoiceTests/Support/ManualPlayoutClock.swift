import ConnectorVoice
import Synchronization

/// A ``PlayoutClock`` the test moves: time stands still until ``advance(to:)``, so what a test
/// asserts about pacing does not depend on how busy the machine is.
final class ManualPlayoutClock: PlayoutClock {
    private struct Timer {
        let deadline: Duration
        let output: any MediaStreamOutput
        let body: @Sendable () -> Void
    }

    private struct State {
        var now = Duration.zero
        var timers: [Timer] = []
    }

    private let state = Mutex(State())

    var now: Duration { state.withLock { $0.now } }

    func schedule(at deadline: Duration, on output: any MediaStreamOutput, _ body: @escaping @Sendable () -> Void) {
        let due = state.withLock { state in
            guard state.now < deadline else { return true }
            state.timers.append(Timer(deadline: deadline, output: output, body: body))
            return false
        }
        if due { output.execute(body) }
    }

    /// Moves the time to `time` (never back), running the timers due by then.
    func advance(to time: Duration) {
        let due = state.withLock { state in
            state.now = max(state.now, time)
            let now = state.now
            let due = state.timers.filter { $0.deadline <= now }
            state.timers.removeAll { $0.deadline <= now }
            return due
        }
        for timer in due { timer.output.execute(timer.body) }
    }
}
