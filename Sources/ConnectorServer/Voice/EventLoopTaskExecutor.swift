import NIOCore

/// Runs tasks on one NIO event loop: a connection's tasks preferring its channel's loop (Swift's
/// task executor preference) run where its bytes are read and written, with no hop to the
/// global executor's threads and back for each request or media frame.
final class EventLoopTaskExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    /// Runs on `eventLoop`.
    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
