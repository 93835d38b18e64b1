import Synchronization
@testable import TwilioSandbox

/// A ``MediaStreamPace`` the test moves: no frame falls due until ``advance(to:)`` says so, so
/// what a test asserts about the stream's timing does not depend on how busy the machine is.
final class ManualPace: Sendable {
    private struct State {
        var due = 0
        var streams: [AsyncStream<Int>.Continuation] = []
    }

    private let state = Mutex(State())

    /// The pace to give the bridge. A stream that starts listening after ``advance(to:)`` is
    /// told the frames already due, so the test need not know when the bridge subscribes.
    var pace: MediaStreamPace {
        MediaStreamPace { [self] in
            let (frames, continuation) = AsyncStream.makeStream(of: Int.self)
            let due = state.withLock { state in
                state.streams.append(continuation)
                return state.due
            }
            if due > 0 { continuation.yield(due) }
            return frames
        }
    }

    /// Frames due so far.
    var due: Int { state.withLock { $0.due } }

    /// Makes `frame` frames due since the stream started.
    func advance(to frame: Int) {
        let streams = state.withLock { state in
            state.due = frame
            return state.streams
        }
        for stream in streams { stream.yield(frame) }
    }
}
