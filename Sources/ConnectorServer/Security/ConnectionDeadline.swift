import NIOCore

/// A deadline after which a channel handler closes its connection, unless cancelled first (the
/// request read timeouts).
struct ConnectionDeadline {
    let timeout: TimeAmount
    private var scheduled: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    /// Starts the deadline on `context`'s connection, unless it is already running.
    mutating func start(_ context: ChannelHandlerContext) {
        guard scheduled == nil else { return }
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        scheduled = context.eventLoop.scheduleTask(in: timeout) {
            loopBound.value.close(promise: nil)
        }
    }

    /// Cancels it.
    mutating func cancel() {
        scheduled?.cancel()
        scheduled = nil
    }
}
