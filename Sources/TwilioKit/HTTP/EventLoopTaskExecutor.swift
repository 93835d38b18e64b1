import NIOCore

/// Runs tasks on one NIO event loop: tasks preferring it (Swift's task executor preference) run
/// where their connections' bytes are read and written — a connection's requests or media frames,
/// or a bulk send's requests — with no hop to the global executor's threads and back for each;
/// they sleep on the loop's timers.
public final class EventLoopTaskExecutor: TimerTaskExecutor {
    private let eventLoop: any EventLoop

    /// Runs on `eventLoop`.
    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Suspends the calling task until `deadline` on a timer of the event loop (`Task.sleep`'s
    /// timers fire on the global executor's threads, and hop back here).
    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        let delay = ContinuousClock.now.duration(to: deadline)
        guard delay > .zero else { return try Task.checkCancellation() }
        let timer = eventLoop.scheduleTask(in: TimeAmount(delay)) {}
        do {
            try await withTaskCancellationHandler {
                try await timer.futureResult.get()
            } onCancel: {
                timer.cancel()
            }
        } catch {
            throw CancellationError()
        }
    }
}
