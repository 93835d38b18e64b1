import ConnectorStore

/// Waits for the store to signal a change — or for a time, whichever comes first — so that a
/// waiter re-reads the store when it may have changed, and at the latest at the deadline (another
/// process may change a store that cannot signal across processes).
public enum StoreChangeWait {
    /// Waits for a change of one of `kinds` on `changes` (any change when empty) until `deadline`;
    /// whether one came (`false` at the deadline or when the task is cancelled).
    @discardableResult
    public static func next(_ changes: AsyncStream<StoreChange>, of kinds: Set<StoreChange>, until deadline: ContinuousClock.Instant) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await change in changes where kinds.isEmpty || kinds.contains(change) { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(until: deadline)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first && !Task.isCancelled
        }
    }
}
