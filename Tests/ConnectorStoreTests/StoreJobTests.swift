import ConnectorStore
import Foundation
import Testing
import TwilioKit

/// Bulk jobs in the store, the same on every backend: recipients written before any send, chunks
/// leased to one runner at a time and taken over after expiry, each recipient's state recorded
/// only by the lease holder.
struct StoreJobTests {
    static let start = Date(timeIntervalSince1970: 1_900_000_000)

    func at(_ seconds: TimeInterval) -> Date { Self.start.addingTimeInterval(seconds) }

    func job(_ count: Int, invalid: Set<Int> = [], chunkSize: Int = 2) -> NewBulkJob {
        NewBulkJob(kind: "sendBulkSMS", parameters: ["Body": "hi"], recipients: (0..<count).map { index in
            invalid.contains(index) ? .init(given: "bad \(index)", to: nil, error: "not a number")
                : .init(given: "\(index)", to: String(format: "+1415555%04d", index), error: nil)
        }, chunkSize: chunkSize, createdAt: Self.start)
    }

    @Test(arguments: StoreBackend.available)
    func aJobIsWrittenWithEveryRecipientBeforeAnySend(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let changes = store.changes()
        let created = try await store.createJob(job(5, invalid: [3]))
        #expect(await StoreBackend.signal(.jobs, on: changes))
        #expect(created.status == .running)
        #expect(created.counts == BulkJob.Counts(pending: 4, failed: 1))
        #expect(created.parameters == ["Body": "hi"])
        #expect(try await store.job(id: created.id) == created)
        let first = try await store.jobRecipients(jobID: created.id, after: -1, limit: 3)
        let rest = try await store.jobRecipients(jobID: created.id, after: 2, limit: 10)
        #expect((first + rest).map(\.index) == [0, 1, 2, 3, 4])
        #expect(rest.first { $0.index == 3 }?.state == .failed)
        #expect(rest.first { $0.index == 3 }?.error == "not a number")
        #expect(first.first?.to == "+14155550000")
        #expect(try await store.job(id: "job_unknown") == nil)
    }

    @Test(arguments: StoreBackend.available)
    func aJobWithNothingToSendIsCompletedAtOnce(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let created = try await store.createJob(job(2, invalid: [0, 1]))
        #expect(created.status == .completed)
        #expect(try await store.leaseJobChunk(jobID: nil, now: at(0), owner: "a", leaseDuration: .seconds(30)) == nil)
    }

    @Test(arguments: StoreBackend.available)
    func recipientsMoveFromPendingThroughSendingToAnOutcomeAndTheJobCompletes(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let created = try await store.createJob(job(3))
        let lease = try #require(try await store.leaseJobChunk(jobID: created.id, now: at(0), owner: "a", leaseDuration: .seconds(30)))
        #expect(lease.chunk == 0)
        #expect(lease.recipients.map(\.index) == [0, 1])
        #expect(lease.expiresAt == at(30))

        #expect(try await store.beginSending(jobID: created.id, index: 0, owner: "a", now: at(1)) == .granted)
        #expect(try await store.beginSending(jobID: created.id, index: 0, owner: "a", now: at(1)) == .notPending)
        #expect(try await store.beginSending(jobID: created.id, index: 2, owner: "a", now: at(1)) == .leaseLost, "chunk 1 is not a's")
        #expect(try await !store.recordRecipient(jobID: created.id, index: 0, owner: "b", outcome: .sent(messageSid: "SM0", from: nil, status: nil), now: at(2)))
        #expect(try await store.recordRecipient(jobID: created.id, index: 0, owner: "a",
                                                outcome: .sent(messageSid: "SM0", from: "+15005550006", status: "queued"), now: at(2)))
        #expect(try await store.beginSending(jobID: created.id, index: 1, owner: "a", now: at(3)) == .granted)
        #expect(try await store.recordRecipient(jobID: created.id, index: 1, owner: "a", outcome: .unsent(error: "no answer; not found"), now: at(4)))
        #expect(try await store.job(id: created.id)?.counts == BulkJob.Counts(pending: 2, sent: 1))
        #expect(try await store.beginSending(jobID: created.id, index: 1, owner: "a", now: at(5)) == .granted)
        #expect(try await store.recordRecipient(jobID: created.id, index: 1, owner: "a", outcome: .failed(error: "refused", errorCode: 21610), now: at(6)))

        let released = try await store.releaseJobChunk(jobID: created.id, chunk: 0, owner: "a", now: at(7))
        #expect(released?.status == .running)
        let second = try #require(try await store.leaseJobChunk(jobID: nil, now: at(8), owner: "b", leaseDuration: .seconds(30)))
        #expect(second.chunk == 1)
        #expect(try await store.beginSending(jobID: created.id, index: 2, owner: "b", now: at(9)) == .granted)
        #expect(try await store.recordRecipient(jobID: created.id, index: 2, owner: "b", outcome: .sent(messageSid: "SM2", from: nil, status: nil), now: at(10)))
        let completed = try await store.releaseJobChunk(jobID: created.id, chunk: 1, owner: "b", now: at(11))
        #expect(completed?.status == .completed)
        #expect(completed?.counts == BulkJob.Counts(sent: 2, failed: 1))

        let recipients = try await store.jobRecipients(jobID: created.id, after: -1, limit: 10)
        #expect(recipients.map(\.state) == [.sent, .failed, .sent])
        #expect(recipients[0].messageSid == "SM0" && recipients[0].from == "+15005550006" && recipients[0].messageStatus == "queued")
        #expect(recipients[1].attempts == 2 && recipients[1].errorCode == 21610 && recipients[1].error == "refused")
        #expect(recipients[2].sendingAt == at(9))
    }

    @Test(arguments: StoreBackend.available)
    func aLeaseKeepsTheWholeJobFromOthersUntilItExpiresThenTheUnsettledAreTakenOver(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let created = try await store.createJob(job(4))
        _ = try #require(try await store.leaseJobChunk(jobID: nil, now: at(0), owner: "a", leaseDuration: .seconds(30)))
        #expect(try await store.beginSending(jobID: created.id, index: 0, owner: "a", now: at(1)) == .granted)
        #expect(try await store.leaseJobChunk(jobID: nil, now: at(29), owner: "b", leaseDuration: .seconds(30)) == nil,
                "no chunk of a leased job goes to another runner")
        #expect(try await store.renewJobChunk(jobID: created.id, chunk: 0, owner: "a", now: at(20), leaseDuration: .seconds(30)))
        #expect(try await store.leaseJobChunk(jobID: nil, now: at(49), owner: "b", leaseDuration: .seconds(30)) == nil, "renewed until 50")

        let taken = try #require(try await store.leaseJobChunk(jobID: nil, now: at(51), owner: "b", leaseDuration: .seconds(30)))
        #expect(taken.chunk == 0)
        #expect(taken.recipients.map(\.state) == [.sending, .pending], "the send a began is left to reconcile")
        #expect(taken.recipients.first?.sendingAt == at(1))
        #expect(try await !store.renewJobChunk(jobID: created.id, chunk: 0, owner: "a", now: at(52), leaseDuration: .seconds(30)))
        #expect(try await store.beginSending(jobID: created.id, index: 1, owner: "a", now: at(52)) == .leaseLost)
        #expect(try await !store.recordRecipient(jobID: created.id, index: 0, owner: "a", outcome: .sent(messageSid: "SM0", from: nil, status: nil), now: at(52)))
        #expect(try await store.recordRecipient(jobID: created.id, index: 0, owner: "b", outcome: .sent(messageSid: "SM0", from: nil, status: nil), now: at(53)))
    }

    @Test(arguments: StoreBackend.available)
    func concurrentRunnersGetOneChunkOfAJobAndDifferentJobs(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let others = [try await backend.reopen(store), try await backend.reopen(store), try await backend.reopen(store)]
        _ = try await store.createJob(job(10))
        let leases = try await withThrowingTaskGroup(of: JobChunkLease?.self) { group in
            for (number, other) in others.enumerated() {
                group.addTask { try await other.leaseJobChunk(jobID: nil, now: at(0), owner: "runner-\(number)", leaseDuration: .seconds(30)) }
            }
            return try await group.compactMap { $0 }.reduce(into: [JobChunkLease]()) { $0.append($1) }
        }
        #expect(leases.count == 1, "one job: one runner at a time")
        let another = try await store.createJob(job(2))
        let next = try await store.leaseJobChunk(jobID: nil, now: at(1), owner: "runner-x", leaseDuration: .seconds(30))
        #expect(next?.job.id == another.id)
    }

    @Test(arguments: StoreBackend.available)
    func cancelSetsPendingRecipientsAsideAndResumeBringsThemBack(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let created = try await store.createJob(job(4))
        _ = try await store.leaseJobChunk(jobID: nil, now: at(0), owner: "a", leaseDuration: .seconds(30))
        #expect(try await store.beginSending(jobID: created.id, index: 0, owner: "a", now: at(1)) == .granted)
        let canceled = try await store.cancelJob(id: created.id, now: at(2))
        #expect(canceled?.status == .canceled)
        #expect(canceled?.counts == BulkJob.Counts(sending: 1, canceled: 3))
        #expect(try await store.beginSending(jobID: created.id, index: 1, owner: "a", now: at(3)) == .notPending)
        #expect(try await store.recordRecipient(jobID: created.id, index: 0, owner: "a", outcome: .unsent(error: "proven unsent"), now: at(3)))
        #expect(try await store.job(id: created.id)?.counts == BulkJob.Counts(canceled: 4), "a send proven unsent in a canceled job is set aside")
        _ = try await store.releaseJobChunk(jobID: created.id, chunk: 0, owner: "a", now: at(4))
        #expect(try await store.leaseJobChunk(jobID: nil, now: at(5), owner: "b", leaseDuration: .seconds(30)) == nil)
        #expect(try await store.cancelJob(id: created.id, now: at(5))?.status == .canceled)

        let resumed = try await store.resumeJob(id: created.id, now: at(6))
        #expect(resumed?.status == .running)
        #expect(resumed?.counts == BulkJob.Counts(pending: 4))
        let lease = try await store.leaseJobChunk(jobID: nil, now: at(7), owner: "b", leaseDuration: .seconds(30))
        #expect(lease?.chunk == 0)
        #expect(try await store.resumeJob(id: "job_unknown", now: at(8)) == nil)
    }
}
