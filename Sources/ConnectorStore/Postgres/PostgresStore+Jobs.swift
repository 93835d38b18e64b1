import Foundation
import PostgresNIO

/// Bulk jobs in PostgreSQL. Leasing locks the job's row (`FOR UPDATE SKIP LOCKED`), so two
/// instances never lease chunks of one job at once, and re-reads its chunks once it holds the lock.
extension PostgresStore {
    public func createJob(_ job: NewBulkJob) async throws(StoreError) -> BulkJob {
        let (logger, id) = (logger, StoreIdentifier.make("job"))
        return try await transaction("storing a job of \(job.recipients.count) recipients", signalling: .jobs) { connection in
            try await connection.run(StoreSQL.createJob(id: id, job), logger: logger)
            return (try await Self.job(id: id, on: connection, logger: logger).unwrapped(id), true)
        }
    }

    public func job(id: String) async throws(StoreError) -> BulkJob? {
        let logger = logger
        return try await transaction("reading job \(id)") { connection in try await Self.job(id: id, on: connection, logger: logger) }
    }

    public func jobRecipients(jobID: String, after: Int, limit: Int) async throws(StoreError) -> [JobRecipient] {
        try await records("reading the recipients of job \(jobID)", StoreSQL.jobRecipients(jobID: jobID, after: after, limit: limit))
            .map { record throws(StoreError) in try record.jobRecipient() }
    }

    public func leaseJobChunk(jobID: String?, now: Date, owner: String, leaseDuration: Duration) async throws(StoreError) -> JobChunkLease? {
        let logger = logger
        return try await transaction("leasing a job chunk") { connection -> JobChunkLease? in
            guard let id = try await connection.record(StoreSQL.leasableJob(jobID: jobID, owner: owner, now: now, .postgres), logger: logger)?.text("id"),
                  let open = try await connection.record(StoreSQL.firstOpenChunk(jobID: id, owner: owner, now: now), logger: logger),
                  let chunk = try open.optionalInteger("chunk").map({ Int($0) }), try open.optionalInteger("busy") ?? 0 == 0
            else { return nil }
            try await connection.run([StoreSQL.leaseChunk(jobID: id, chunk: chunk, owner: owner, expiresAt: now + leaseDuration)], logger: logger)
            let recipients = try await connection.records(StoreSQL.openRecipients(jobID: id, chunk: chunk), logger: logger).map { try $0.jobRecipient() }
            return JobChunkLease(job: try await Self.job(id: id, on: connection, logger: logger).unwrapped(id), chunk: chunk, owner: owner,
                                 expiresAt: now + leaseDuration, recipients: recipients)
        }
    }

    public func renewJobChunk(jobID: String, chunk: Int, owner: String, now: Date, leaseDuration: Duration) async throws(StoreError) -> Bool {
        try await !records("renewing a lease of job \(jobID)",
                           StoreSQL.renewChunk(jobID: jobID, chunk: chunk, owner: owner, expiresAt: now + leaseDuration)).isEmpty
    }

    public func beginSending(jobID: String, index: Int, owner: String, now: Date) async throws(StoreError) -> JobChunkLease.SendPermission {
        let what = "sending to recipient \(index) of job \(jobID)"
        if try await !records(what, StoreSQL.beginSending(jobID: jobID, index: index, owner: owner, now: now)).isEmpty { return .granted }
        let held = try await records(what, StoreSQL.holdsLease(jobID: jobID, index: index, owner: owner, now: now)).first?.integer("held") ?? 0
        return held > 0 ? .notPending : .leaseLost
    }

    public func recordRecipient(jobID: String, index: Int, owner: String, outcome: JobRecipient.Outcome,
                                now: Date) async throws(StoreError) -> Bool {
        try await !records("recording recipient \(index) of job \(jobID)",
                           StoreSQL.recordRecipient(jobID: jobID, index: index, owner: owner, outcome: outcome, now: now)).isEmpty
    }

    public func releaseJobChunk(jobID: String, chunk: Int, owner: String, now: Date) async throws(StoreError) -> BulkJob? {
        let logger = logger
        return try await transaction("releasing a chunk of job \(jobID)", signalling: .jobs) { connection in
            try await connection.run([StoreSQL.releaseChunk(jobID: jobID, chunk: chunk, owner: owner), StoreSQL.completeJob(id: jobID, now: now)],
                                     logger: logger)
            return (try await Self.job(id: jobID, on: connection, logger: logger), true)
        }
    }

    public func cancelJob(id: String, now: Date) async throws(StoreError) -> BulkJob? {
        try await change(id, .cancel, now: now)
    }

    public func resumeJob(id: String, now: Date) async throws(StoreError) -> BulkJob? {
        try await change(id, .resume, now: now)
    }

    private func change(_ id: String, _ transition: StoreSQL.JobTransition, now: Date) async throws(StoreError) -> BulkJob? {
        let logger = logger
        return try await transaction("changing job \(id) (\(transition))", signalling: .jobs) { connection in
            let statements = transition.statements(id: id, now: now)
            let changed = try await !connection.records(statements.job, logger: logger).isEmpty
            if changed { try await connection.run([statements.recipients] + StoreSQL.finishChunks(jobID: id), logger: logger) }
            return (try await Self.job(id: id, on: connection, logger: logger), changed)
        }
    }

    private static func job(id: String, on connection: PostgresConnection, logger: Logger) async throws -> BulkJob? {
        guard let record = try await connection.record(StoreSQL.job(id: id), logger: logger) else { return nil }
        return try record.job(counts: try await connection.records(StoreSQL.jobCounts(id: id), logger: logger),
                              lease: try await connection.record(StoreSQL.jobLease(id: id), logger: logger))
    }
}
