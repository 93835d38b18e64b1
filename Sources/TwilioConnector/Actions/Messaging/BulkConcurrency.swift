/// Runs one piece of work per item with at most a given number in flight, handing each result
/// back to the calling task as it finishes: the shape of every bulk send, in memory or as a job.
enum BulkConcurrency {
    /// Runs `work` for each of `items`, at most `limit` at once, on `executor` when given (the
    /// client's preferred one: its requests then resume their tasks with no thread hop), and calls
    /// `collect` (on the calling task, one at a time, in the order they finish) with each result.
    static func forEach<Item: Sendable, Outcome: Sendable>(
        _ items: [Item], limit: Int, on executor: (any TaskExecutor)?, work: @escaping @Sendable (Item) async -> Outcome,
        collect: (Outcome) -> Void
    ) async {
        await withTaskExecutorPreference(executor) {
            await withTaskGroup(of: Outcome.self) { group in
                var queue = items.makeIterator()
                func startNext() -> Bool {
                    guard let next = queue.next() else { return false }
                    group.addTask { await work(next) }
                    return true
                }
                for _ in 0..<max(limit, 1) where !startNext() { break }
                while let outcome = await group.next() {
                    collect(outcome)
                    _ = startNext()
                }
            }
        }
    }
}
