import Foundation
import TwilioKit

/// The statements of bulk jobs, written once for both backends.
extension StoreSQL {
    static let jobColumns = "id, kind, status, parameters, chunk_size, created_at, updated_at"
    static let jobRecipientColumns = """
        job_id, position, given, recipient, state, attempts, sending_at, message_sid, sender, message_status, error, error_code
        """
    /// Recipients per insert statement (well under both backends' limits on bound values).
    static let recipientsPerInsert = 500

    /// The statements creating `job` as `id`: the job, its recipients, its chunks.
    static func createJob(id: String, _ job: NewBulkJob) -> [StoreStatement] {
        let chunkSize = max(job.chunkSize, 1)
        let now = StoreValue(job.createdAt)
        var statements = [StoreStatement("INSERT INTO jobs (\(jobColumns)) VALUES \(StoreStatement.placeholders(7))", [
            .text(id), .text(job.kind), .text(BulkJob.Status.running.rawValue), .text(job.parameters.compactText),
            StoreValue(chunkSize), now, now,
        ])]
        let numbered = Array(job.recipients.enumerated())
        for start in stride(from: 0, to: numbered.count, by: recipientsPerInsert) {
            let batch = numbered[start..<min(start + recipientsPerInsert, numbered.count)]
            statements.append(StoreStatement("""
                INSERT INTO job_recipients (job_id, position, chunk, given, recipient, state, attempts, error, updated_at)
                VALUES \(Array(repeating: StoreStatement.placeholders(9), count: batch.count).joined(separator: ", "))
                """, batch.flatMap { index, recipient -> [StoreValue] in
                    let state: JobRecipient.State = recipient.to == nil || recipient.error != nil ? .failed : .pending
                    return [.text(id), StoreValue(index), StoreValue(index / chunkSize), .text(recipient.given), StoreValue(recipient.to),
                            .text(state.rawValue), 0, StoreValue(recipient.error), now]
                }))
        }
        let chunks = (job.recipients.count + chunkSize - 1) / chunkSize
        for start in stride(from: 0, to: chunks, by: recipientsPerInsert) {
            let batch = start..<min(start + recipientsPerInsert, chunks)
            statements.append(StoreStatement("""
                INSERT INTO job_chunks (job_id, chunk, done) VALUES \(Array(repeating: "(?, ?, 0)", count: batch.count).joined(separator: ", "))
                """, batch.flatMap { chunk -> [StoreValue] in [.text(id), StoreValue(chunk)] }))
        }
        return statements + finishChunks(jobID: id) + [completeJob(id: id, now: job.createdAt)]
    }

    static func job(id: String) -> StoreStatement {
        StoreStatement("SELECT \(jobColumns) FROM jobs WHERE id = ?", [.text(id)])
    }

    static func jobCounts(id: String) -> StoreStatement {
        StoreStatement("SELECT state, COUNT(*) AS count FROM job_recipients WHERE job_id = ? GROUP BY state", [.text(id)])
    }

    static func jobLease(id: String) -> StoreStatement {
        StoreStatement("""
            SELECT lease_owner, lease_expires_at FROM job_chunks WHERE job_id = ? AND done = 0 AND lease_owner IS NOT NULL
            ORDER BY lease_expires_at DESC LIMIT 1
            """, [.text(id)])
    }

    static func jobRecipients(jobID: String, after: Int, limit: Int) -> StoreStatement {
        StoreStatement("SELECT \(jobRecipientColumns) FROM job_recipients WHERE job_id = ? AND position > ? ORDER BY position LIMIT ?",
                       [.text(jobID), StoreValue(after), StoreValue(limit)])
    }

    /// The oldest running job (or `jobID`) with an unfinished chunk and no chunk leased to anyone
    /// but `owner`; on PostgreSQL the job's row is locked, and jobs another transaction is leasing
    /// are skipped.
    static func leasableJob(jobID: String?, owner: String, now: Date, _ dialect: SQLDialect) -> StoreStatement {
        let only = jobID == nil ? "" : " AND j.id = ?"
        return StoreStatement("""
            SELECT j.id AS id FROM jobs j WHERE j.status = 'running'\(only)
            AND EXISTS (SELECT 1 FROM job_chunks c WHERE c.job_id = j.id AND c.done = 0)
            AND NOT EXISTS (SELECT 1 FROM job_chunks c WHERE c.job_id = j.id AND c.done = 0 AND c.lease_owner <> ? AND c.lease_expires_at > ?)
            ORDER BY j.created_at, j.id LIMIT 1\(dialect.lockingSkipLocked)
            """, (jobID.map { [StoreValue.text($0)] } ?? []) + [.text(owner), StoreValue(now)])
    }

    /// The job's first unfinished chunk, and whether another owner holds a live lease on any of
    /// its chunks (read again once the job is locked: then it is authoritative).
    static func firstOpenChunk(jobID: String, owner: String, now: Date) -> StoreStatement {
        StoreStatement("""
            SELECT MIN(chunk) AS chunk, SUM(CASE WHEN lease_owner <> ? AND lease_expires_at > ? THEN 1 ELSE 0 END) AS busy
            FROM job_chunks WHERE job_id = ? AND done = 0
            """, [.text(owner), StoreValue(now), .text(jobID)])
    }

    static func leaseChunk(jobID: String, chunk: Int, owner: String, expiresAt: Date) -> StoreStatement {
        StoreStatement("UPDATE job_chunks SET lease_owner = ?, lease_expires_at = ? WHERE job_id = ? AND chunk = ?",
                       [.text(owner), StoreValue(expiresAt), .text(jobID), StoreValue(chunk)])
    }

    /// The chunk's recipients still to settle, in order.
    static func openRecipients(jobID: String, chunk: Int) -> StoreStatement {
        StoreStatement("""
            SELECT \(jobRecipientColumns) FROM job_recipients WHERE job_id = ? AND chunk = ? AND state IN ('pending', 'sending') ORDER BY position
            """, [.text(jobID), StoreValue(chunk)])
    }

    static func renewChunk(jobID: String, chunk: Int, owner: String, expiresAt: Date) -> StoreStatement {
        StoreStatement("""
            UPDATE job_chunks SET lease_expires_at = ? WHERE job_id = ? AND chunk = ? AND lease_owner = ? AND done = 0 RETURNING chunk
            """, [StoreValue(expiresAt), .text(jobID), StoreValue(chunk), .text(owner)])
    }

    /// `pending` → `sending`, when `owner` holds the chunk's live lease and the job runs.
    static func beginSending(jobID: String, index: Int, owner: String, now: Date) -> StoreStatement {
        StoreStatement("""
            UPDATE job_recipients SET state = 'sending', attempts = attempts + 1, sending_at = ?, updated_at = ?
            WHERE job_id = ? AND position = ? AND state = 'pending'
            AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND status = 'running')
            AND EXISTS (SELECT 1 FROM job_chunks c WHERE c.job_id = ? AND c.chunk = job_recipients.chunk AND c.lease_owner = ? AND c.lease_expires_at > ?)
            RETURNING position
            """, [StoreValue(now), StoreValue(now), .text(jobID), StoreValue(index), .text(jobID), .text(jobID), .text(owner), StoreValue(now)])
    }

    /// Whether `owner` holds the live lease of the chunk of recipient `index`.
    static func holdsLease(jobID: String, index: Int, owner: String, now: Date) -> StoreStatement {
        StoreStatement("""
            SELECT COUNT(*) AS held FROM job_chunks c JOIN job_recipients r ON r.job_id = c.job_id AND r.chunk = c.chunk
            WHERE r.job_id = ? AND r.position = ? AND c.lease_owner = ? AND c.lease_expires_at > ?
            """, [.text(jobID), StoreValue(index), .text(owner), StoreValue(now)])
    }

    /// `sending` → the outcome's state, when `owner` still holds the chunk's lease. A recipient
    /// proven unsent goes back to pending — or is set aside if the job no longer runs.
    static func recordRecipient(jobID: String, index: Int, owner: String, outcome: JobRecipient.Outcome, now: Date) -> StoreStatement {
        let (state, sid, from, status, error, code): (JobRecipient.State, String?, String?, String?, String?, Int?) = switch outcome {
        case .sent(let sid, let from, let status): (.sent, sid, from, status, nil, nil)
        case .failed(let error, let code): (.failed, nil, nil, nil, error, code)
        case .unsent(let error): (.pending, nil, nil, nil, error, nil)
        }
        return StoreStatement("""
            UPDATE job_recipients SET
            state = CASE WHEN ? = 'pending' AND NOT EXISTS (SELECT 1 FROM jobs WHERE id = ? AND status = 'running') THEN 'canceled' ELSE ? END,
            message_sid = ?, sender = ?, message_status = ?, error = ?, error_code = ?, updated_at = ?
            WHERE job_id = ? AND position = ? AND state = 'sending'
            AND EXISTS (SELECT 1 FROM job_chunks c WHERE c.job_id = ? AND c.chunk = job_recipients.chunk AND c.lease_owner = ?)
            RETURNING position
            """, [.text(state.rawValue), .text(jobID), .text(state.rawValue), StoreValue(sid), StoreValue(from), StoreValue(status),
                  StoreValue(error), StoreValue(code), StoreValue(now), .text(jobID), StoreValue(index), .text(jobID), .text(owner)])
    }

    /// Releases `owner`'s lease of a chunk, finishing it when nothing in it is left to settle.
    static func releaseChunk(jobID: String, chunk: Int, owner: String) -> StoreStatement {
        StoreStatement("""
            UPDATE job_chunks SET lease_owner = NULL, lease_expires_at = NULL,
            done = CASE WHEN EXISTS (SELECT 1 FROM job_recipients r WHERE r.job_id = ? AND r.chunk = ? AND r.state IN ('pending', 'sending'))
                   THEN 0 ELSE 1 END
            WHERE job_id = ? AND chunk = ? AND lease_owner = ?
            """, [.text(jobID), StoreValue(chunk), .text(jobID), StoreValue(chunk), .text(owner)])
    }

    /// Finishes every chunk of a job with nothing left to settle (and reopens the others).
    static func finishChunks(jobID: String) -> [StoreStatement] {
        [StoreStatement("""
            UPDATE job_chunks SET done = CASE WHEN EXISTS (SELECT 1 FROM job_recipients r WHERE r.job_id = job_chunks.job_id
                AND r.chunk = job_chunks.chunk AND r.state IN ('pending', 'sending')) THEN 0 ELSE 1 END
            WHERE job_id = ?
            """, [.text(jobID)])]
    }

    /// A running job whose chunks are all finished becomes completed.
    static func completeJob(id: String, now: Date) -> StoreStatement {
        StoreStatement("""
            UPDATE jobs SET status = 'completed', updated_at = ? WHERE id = ? AND status = 'running'
            AND NOT EXISTS (SELECT 1 FROM job_chunks WHERE job_id = ? AND done = 0) RETURNING id
            """, [StoreValue(now), .text(id), .text(id)])
    }

    /// A change of a job's status and of its recipients with it.
    enum JobTransition {
        /// running → canceled; pending recipients set aside.
        case cancel
        /// canceled → running; set-aside recipients pending again.
        case resume

        /// The statement moving the job (it returns the job's id when it moved), and the one moving
        /// its recipients (to run only if the job moved).
        func statements(id: String, now: Date) -> (job: StoreStatement, recipients: StoreStatement) {
            let (from, to, recipientsFrom, recipientsTo): (BulkJob.Status, BulkJob.Status, JobRecipient.State, JobRecipient.State) = switch self {
            case .cancel: (.running, .canceled, .pending, .canceled)
            case .resume: (.canceled, .running, .canceled, .pending)
            }
            return (StoreStatement("UPDATE jobs SET status = ?, updated_at = ? WHERE id = ? AND status = ? RETURNING id",
                                   [.text(to.rawValue), StoreValue(now), .text(id), .text(from.rawValue)]),
                    StoreStatement("UPDATE job_recipients SET state = ?, updated_at = ? WHERE job_id = ? AND state = ?",
                                   [.text(recipientsTo.rawValue), StoreValue(now), .text(id), .text(recipientsFrom.rawValue)]))
        }
    }
}
