import Synchronization

/// Group commit: requests that arrive while a transaction is being written wait, and the next
/// transaction writes them all (up to ``maximumBatch``), so that SQLite's single writer pays its
/// per-transaction cost (the write lock, the WAL frames of the pages touched) once per batch
/// rather than once per request. Each request still returns only once the transaction holding it
/// has committed: what it was answered is durable.
final class GroupCommit<Request: Sendable, Answer: Sendable>: Sendable {
    typealias Waiter = CheckedContinuation<Answer, any Error>

    /// The most requests one transaction writes.
    static var maximumBatch: Int { 64 }

    /// Writes a batch in one transaction: an answer for each request, in order. When it throws,
    /// every request of the batch fails with its error.
    private let commit: @Sendable ([Request]) async throws(StoreError) -> [Answer]
    private let state = Mutex<(waiting: [(Request, Waiter)], writing: Bool)>(([], false))

    /// Commits batches with `commit`.
    init(commit: @escaping @Sendable ([Request]) async throws(StoreError) -> [Answer]) {
        self.commit = commit
    }

    /// Writes `request` in the next transaction and returns its answer once that has committed.
    func submit(_ request: Request) async throws(StoreError) -> Answer {
        do {
            return try await withCheckedThrowingContinuation { (waiter: Waiter) in
                let startsWriter = state.withLock { state in
                    state.waiting.append((request, waiter))
                    defer { state.writing = true }
                    return !state.writing
                }
                if startsWriter { Task { await writeBatches() } }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(error)")
        }
    }

    /// Writes batches until nobody is waiting.
    private func writeBatches() async {
        while true {
            let batch = state.withLock { state in
                let batch = Array(state.waiting.prefix(Self.maximumBatch))
                state.waiting.removeFirst(batch.count)
                state.writing = !batch.isEmpty
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let answers = try await commit(batch.map(\.0))
                guard answers.count == batch.count else { throw StoreError("a batch of \(batch.count) got \(answers.count) answers") }
                for ((_, waiter), answer) in zip(batch, answers) { waiter.resume(returning: answer) }
            } catch {
                for (_, waiter) in batch { waiter.resume(throwing: error) }
            }
        }
    }
}
