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

    /// The pace to give the bridge.
    var pace: MediaStreamPace {
        MediaStreamPace { [self] in
            let (frames, continuation) = AsyncStream.makeStream(of: Int.self)
            state.withLock { $0.streams.append(continuation) }
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
