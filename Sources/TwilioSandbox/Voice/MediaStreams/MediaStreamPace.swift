/// When a stream's 20 ms frames fall due: the clock of ``MediaStreamSession``. In real time (sped
/// up by ``MediaStreamAudio/speedUp``) for the sandbox; tests inject one they move frame by frame,
/// so that nothing they assert depends on how fast the machine is.
struct MediaStreamPace: Sendable {
    /// A new sequence of frame counts for a stream starting now: each element is how many frames
    /// are due since the start, yielded whenever it grows; it ends when iteration is cancelled.
    let framesDue: @Sendable () -> AsyncStream<Int>

    /// A pace from `framesDue`.
    init(framesDue: @escaping @Sendable () -> AsyncStream<Int>) {
        self.framesDue = framesDue
    }

    /// A frame every `frameInterval` of real time. The frames due are counted from the clock, so
    /// a late wake-up loses none.
    static func realTime(frameInterval: Duration) -> MediaStreamPace {
        MediaStreamPace {
            AsyncStream { continuation in
                let task = Task {
                    let clock = ContinuousClock()
                    let start = clock.now
                    var due = 0
                    while (try? await clock.sleep(until: start + frameInterval * (due + 1))) != nil {
                        let now = Int((clock.now - start) / frameInterval)
                        guard now > due else { continue }
                        due = now
                        continuation.yield(due)
                    }
                    continuation.finish()
                }
                continuation.onTermination = { _ in task.cancel() }
            }
        }
    }
}
