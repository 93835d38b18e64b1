import Synchronization

/// Group commit: requests that arrive while a transaction is being written wait, and the next
/// transaction writes them all (up to ``maximumBatch``), so that SQLite's single writer pays its
/// per-transaction cost (the write lock, the WAL frames of the pages touched) once per batch
/// rather than once per request. Each request still returns only once the transaction holding it
/// has committed: what it was answered is durable.
///
/// Each batch is a job of the writer's own (serial) queue, and the job that wrote one schedules
/// the next: no other thread or task sits between two batches, and other writes queued meanwhile
/// still get their turn between them.
final class GroupCommit<Request: Sendable, Answer: Sendable, Writer>: Sendable {
    typealias Waiter = CheckedContinuation<Answer, any Error>

    /// The most requests one transaction writes.
    static var maximumBatch: Int { 64 }

    /// Queues a job on the writer, without waiting for it.
    private let schedule: @Sendable (@escaping @Sendable (Writer) -> Void) -> Void
    /// Writes a batch in one transaction, on the writer: an answer for each request, in order.
    /// When it throws, every request of the batch fails with its error.
    private let commit: @Sendable (Writer, [Request]) throws(StoreError) -> [Answer]
    private let state = Mutex<(waiting: [(Request, Waiter)], scheduled: Bool)>(([], false))

    /// Commits batches with `commit`, in jobs queued with `schedule`.
    init(schedule: @escaping @Sendable (@escaping @Sendable (Writer) -> Void) -> Void,
         commit: @escaping @Sendable (Writer, [Request]) throws(StoreError) -> [Answer]) {
        self.schedule = schedule
        self.commit = commit
    }

    /// Writes `request` in the next transaction and returns its answer once that has committed.
    func submit(_ request: Request) async throws(StoreError) -> Answer {
        do {
            return try await withCheckedThrowingContinuation { (waiter: Waiter) in
                let schedules = state.withLock { state in
                    state.waiting.append((request, waiter))
                    defer { state.scheduled = true }
                    return !state.scheduled
                }
                if schedules { schedule(writeBatch) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("\(error)")
        }
    }

    /// Writes the requests waiting (at most a batch); schedules the next batch if more wait.
    private func writeBatch(on writer: Writer) {
        let batch = state.withLock { state in
            let batch = Array(state.waiting.prefix(Self.maximumBatch))
            state.waiting.removeFirst(batch.count)
            return batch
        }
        do throws(StoreError) {
            let answers = try commit(writer, batch.map { request, _ in request })
            guard answers.count == batch.count else { throw StoreError("a batch of \(batch.count) got \(answers.count) answers") }
            for ((_, waiter), answer) in zip(batch, answers) { waiter.resume(returning: answer) }
        } catch {
            for (_, waiter) in batch { waiter.resume(throwing: error) }
        }
        let more = state.withLock { state in
            state.scheduled = !state.waiting.isEmpty
            return state.scheduled
        }
        if more { schedule(writeBatch) }
    }
}
