/// A call's events together with timers a workflow sets, in one sequence: for a workflow that waits
/// for the caller only so long (a menu's timeout). Forwards the call's events until they end.
final class WorkflowInbox: Sendable {
    /// What the workflow reads.
    enum Item: Sendable, Equatable {
        /// An event of the call.
        case event(RealtimeCallEvent)
        /// The timer with this number went off.
        case timeout(Int)
    }

    /// The events and timers, in the order they happened; ends with the call's events.
    let items: AsyncStream<Item>
    private let continuation: AsyncStream<Item>.Continuation
    private let forwarding: Task<Void, Never>

    init(_ call: RealtimeCall) {
        let (items, continuation) = AsyncStream.makeStream(of: Item.self)
        self.items = items
        self.continuation = continuation
        forwarding = Task {
            for await event in call.events { continuation.yield(.event(event)) }
            continuation.finish()
        }
    }

    deinit {
        forwarding.cancel()
        continuation.finish()
    }

    /// Sets a timer that goes off after `delay` as ``Item/timeout(_:)`` with `number`.
    func setTimer(_ number: Int, after delay: Duration) {
        Task { [continuation] in
            guard (try? await Task.sleep(for: delay)) != nil else { return }
            continuation.yield(.timeout(number))
        }
    }
}
