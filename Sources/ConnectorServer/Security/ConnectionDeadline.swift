import NIOCore

/// A deadline after which a channel handler closes its connection, unless cancelled first (the
/// request read timeouts). Used on its channel's event loop only.
///
/// Starting and cancelling cost a time stamp, not a timer: a keep-alive connection answers many
/// requests, and scheduling and cancelling a task on the event loop for each of them was a few
/// per cent of a webhook's CPU. One timer runs while a deadline may be pending; when it fires it
/// closes the connection only if the deadline running then has passed, waits for it if one
/// started since, and stops if none is running (the next ``start(_:)`` sets it again).
final class ConnectionDeadline {
    let timeout: TimeAmount
    /// When the running deadline started; `nil` when none runs.
    private var startedAt: NIODeadline?
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    /// Starts the deadline on `context`'s connection, unless it is already running.
    func start(_ context: ChannelHandlerContext) {
        guard startedAt == nil else { return }
        let now = context.eventLoop.now
        startedAt = now
        if timer == nil { wake(context, at: now + timeout) }
    }

    /// Cancels it (the timer, if one is set, finds nothing to do).
    func cancel() {
        startedAt = nil
    }

    /// Cancels it and its timer: the connection is gone, or the handler removed.
    func stop() {
        startedAt = nil
        timer?.cancel()
        timer = nil
    }

    private func wake(_ context: ChannelHandlerContext, at time: NIODeadline) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: time) {
            let (deadline, context) = loopBound.value
            deadline.timer = nil
            guard let startedAt = deadline.startedAt else { return }
            let due = startedAt + deadline.timeout
            if due <= context.eventLoop.now {
                context.close(promise: nil)
            } else {
                deadline.wake(context, at: due)
            }
        }
    }
}
