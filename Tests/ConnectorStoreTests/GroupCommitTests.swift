@testable import ConnectorStore
import Foundation
import Synchronization
import Testing

/// ``GroupCommit``: requests that wait while a batch is written go together into the next.
struct GroupCommitTests {
    /// A writer: a serial queue, counting the jobs queued on it.
    private final class Writer: Sendable {
        let queue = DispatchQueue(label: "group-commit-tests")
        let jobs = Mutex(0)

        func schedule(_ job: @escaping @Sendable (Void) -> Void) {
            jobs.withLock { $0 += 1 }
            queue.async { job(()) }
        }
    }

    @Test func requestsArrivingDuringACommitShareTheNextOne() async throws {
        let writer = Writer()
        let batches = Mutex<[[Int]]>([])
        let commit = GroupCommit<Int, Int, Void>(schedule: writer.schedule) { _, requests throws(StoreError) in
            batches.withLock { $0.append(requests) }
            Thread.sleep(forTimeInterval: 0.02)
            return requests.map { $0 * 2 }
        }
        let answers = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for request in 0..<100 { group.addTask { (request, try await commit.submit(request)) } }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(answers == Dictionary(uniqueKeysWithValues: (0..<100).map { ($0, $0 * 2) }), "each request gets its own answer")
        let written = batches.withLock { $0 }
        #expect(written.flatMap { $0 }.sorted() == Array(0..<100), "each request is written once")
        #expect(written.count < 100 && written.allSatisfy { $0.count <= GroupCommit<Int, Int, Void>.maximumBatch })
        #expect(writer.jobs.withLock { $0 } == written.count, "each batch is a job of the writer's, so other writes can run between them")
    }

    @Test func aFailedCommitFailsEveryRequestOfItsBatchOnly() async throws {
        let commit = GroupCommit<Int, Int, Void>(schedule: Writer().schedule) { _, requests throws(StoreError) in
            if requests.contains(13) { throw StoreError("unlucky") }
            return requests
        }
        await #expect(throws: StoreError.self) { try await commit.submit(13) }
        #expect(try await commit.submit(7) == 7, "the next batch is written")
    }
}
