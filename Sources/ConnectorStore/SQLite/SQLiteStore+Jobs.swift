import Foundation
import GRDB

/// Bulk jobs in the SQLite file. SQLite has one writer at a time, so a lease is taken in a plain
/// write transaction.
extension SQLiteStore {
    public func createJob(_ job: NewBulkJob) async throws(StoreError) -> BulkJob {
        let id = StoreIdentifier.make("job")
        return try await write("storing a job of \(job.recipients.count) recipients", signalling: .jobs) { database in
            try database.run(StoreSQL.createJob(id: id, job))
            return (try Self.job(id: id, in: database).unwrapped(id), true)
        }
    }

    public func job(id: String) async throws(StoreError) -> BulkJob? {
        try await read("reading job \(id)") { database in try Self.job(id: id, in: database) }
    }

    public func jobRecipients(jobID: String, after: Int, limit: Int) async throws(StoreError) -> [JobRecipient] {
        try await read("reading the recipients of job \(jobID)") { database in
            try database.records(StoreSQL.jobRecipients(jobID: jobID, after: after, limit: limit)).map { try $0.jobRecipient() }
        }
    }

    public func leaseJobChunk(jobID: String?, now: Date, owner: String, leaseDuration: Duration) async throws(StoreError) -> JobChunkLease? {
        try await write("leasing a job chunk") { database -> JobChunkLease? in
            guard let id = try database.record(StoreSQL.leasableJob(jobID: jobID, owner: owner, now: now, .sqlite))?.text("id"),
                  let open = try database.record(StoreSQL.firstOpenChunk(jobID: id, owner: owner, now: now)),
                  let chunk = try open.optionalInteger("chunk").map({ Int($0) }), try open.optionalInteger("busy") ?? 0 == 0
            else { return nil }
            try database.run([StoreSQL.leaseChunk(jobID: id, chunk: chunk, owner: owner, expiresAt: now + leaseDuration)])
            let recipients = try database.records(StoreSQL.openRecipients(jobID: id, chunk: chunk)).map { try $0.jobRecipient() }
            return JobChunkLease(job: try Self.job(id: id, in: database).unwrapped(id), chunk: chunk, owner: owner,
                                 expiresAt: now + leaseDuration, recipients: recipients)
        }
    }

    public func renewJobChunk(jobID: String, chunk: Int, owner: String, now: Date, leaseDuration: Duration) async throws(StoreError) -> Bool {
        try await write("renewing a lease of job \(jobID)") { database in
            try !database.records(StoreSQL.renewChunk(jobID: jobID, chunk: chunk, owner: owner, expiresAt: now + leaseDuration)).isEmpty
        }
    }

    public func beginSending(jobID: String, index: Int, owner: String, now: Date) async throws(StoreError) -> JobChunkLease.SendPermission {
        try await write("sending to recipient \(index) of job \(jobID)") { database -> JobChunkLease.SendPermission in
            if try !database.records(StoreSQL.beginSending(jobID: jobID, index: index, owner: owner, now: now)).isEmpty { return .granted }
            let held = try database.record(StoreSQL.holdsLease(jobID: jobID, index: index, owner: owner, now: now))?.integer("held") ?? 0
            return held > 0 ? .notPending : .leaseLost
        }
    }

    public func recordRecipient(jobID: String, index: Int, owner: String, outcome: JobRecipient.Outcome,
                                now: Date) async throws(StoreError) -> Bool {
        try await write("recording recipient \(index) of job \(jobID)") { database in
            try !database.records(StoreSQL.recordRecipient(jobID: jobID, index: index, owner: owner, outcome: outcome, now: now)).isEmpty
        }
    }

    public func releaseJobChunk(jobID: String, chunk: Int, owner: String, now: Date) async throws(StoreError) -> BulkJob? {
        try await write("releasing a chunk of job \(jobID)", signalling: .jobs) { database in
            try database.run([StoreSQL.releaseChunk(jobID: jobID, chunk: chunk, owner: owner), StoreSQL.completeJob(id: jobID, now: now)])
            return (try Self.job(id: jobID, in: database), true)
        }
    }

    public func cancelJob(id: String, now: Date) async throws(StoreError) -> BulkJob? {
        try await change(id, .cancel, now: now)
    }

    public func resumeJob(id: String, now: Date) async throws(StoreError) -> BulkJob? {
        try await change(id, .resume, now: now)
    }

    private func change(_ id: String, _ transition: StoreSQL.JobTransition, now: Date) async throws(StoreError) -> BulkJob? {
        try await write("changing job \(id) (\(transition))", signalling: .jobs) { database in
            let statements = transition.statements(id: id, now: now)
            let changed = try !database.records(statements.job).isEmpty
            if changed { try database.run([statements.recipients] + StoreSQL.finishChunks(jobID: id)) }
            return (try Self.job(id: id, in: database), changed)
        }
    }

    private static func job(id: String, in database: Database) throws -> BulkJob? {
        guard let record = try database.record(StoreSQL.job(id: id)) else { return nil }
        return try record.job(counts: database.records(StoreSQL.jobCounts(id: id)), lease: database.record(StoreSQL.jobLease(id: id)))
    }
}
