import Foundation
import TwilioKit

/// The store's models read from rows, the same for both backends; `prefix` names the columns of
/// a joined table (`e_id`).
extension StoreRecord {
    func event(prefix: String = "") throws(StoreError) -> TriggerEvent {
        TriggerEvent(id: try text(prefix + "id"), sequence: try integer(prefix + "sequence"), trigger: try text(prefix + "trigger"),
                     receivedAt: try date(prefix + "received_at"), data: try json(prefix + "data"))
    }

    func subscription(prefix: String = "") throws(StoreError) -> Subscription {
        Subscription(
            id: try text(prefix + "id"), trigger: try text(prefix + "trigger"), url: try text(prefix + "url"),
            filter: try json(prefix + "filter").objectFields ?? [:], dialect: try text(prefix + "dialect"),
            secret: try text(prefix + "secret"),
            retrySchedule: try text(prefix + "retry_schedule").split(separator: ",").compactMap { Int($0) },
            createdAt: try date(prefix + "created_at"), cursor: try integer(prefix + "cursor"))
    }

    func delivery(prefix: String = "") throws(StoreError) -> Delivery {
        let status = Delivery.Status(rawValue: try text(prefix + "status")) ?? .pending
        let lastAttempt: DeliveryAttempt?
        if let text = try optionalText(prefix + "last_attempt") {
            do { lastAttempt = try JSONDecoder().decode(DeliveryAttempt.self, from: Data(text.utf8)) } catch {
                throw StoreError("a delivery's last attempt is unreadable: \(error)")
            }
        } else {
            lastAttempt = nil
        }
        return Delivery(
            id: try text(prefix + "id"), subscriptionID: try text(prefix + "subscription_id"), eventID: try text(prefix + "event_id"),
            status: status, attempts: try int(prefix + "attempts"),
            nextAttemptAt: status == .pending ? try optionalDate(prefix + "next_attempt_at") : nil,
            lastAttempt: lastAttempt, createdAt: try date(prefix + "created_at"))
    }

    func leasedDelivery() throws(StoreError) -> LeasedDelivery {
        LeasedDelivery(delivery: try delivery(prefix: "d_"), event: try event(prefix: "e_"), subscription: try subscription(prefix: "s_"))
    }

    /// A job from its row, the rows of its counts and the row of its latest lease.
    func job(counts: [StoreRecord], lease: StoreRecord?) throws(StoreError) -> BulkJob {
        guard let status = BulkJob.Status(rawValue: try text("status")) else { throw StoreError("a job's status is unreadable") }
        var jobLease: BulkJob.Lease?
        if let lease { jobLease = BulkJob.Lease(owner: try lease.text("lease_owner"), expiresAt: try lease.date("lease_expires_at")) }
        return BulkJob(id: try text("id"), kind: try text("kind"), status: status, parameters: try json("parameters"),
                       chunkSize: try int("chunk_size"), createdAt: try date("created_at"), updatedAt: try date("updated_at"),
                       counts: try Self.counts(counts), lease: jobLease)
    }

    func jobRecipient() throws(StoreError) -> JobRecipient {
        guard let state = JobRecipient.State(rawValue: try text("state")) else { throw StoreError("a job recipient's state is unreadable") }
        return JobRecipient(
            jobID: try text("job_id"), index: try int("position"), given: try text("given"), to: try optionalText("recipient"),
            state: state, attempts: try int("attempts"), sendingAt: try optionalDate("sending_at"),
            messageSid: try optionalText("message_sid"), from: try optionalText("sender"), messageStatus: try optionalText("message_status"),
            error: try optionalText("error"), errorCode: try optionalInteger("error_code").map { Int($0) })
    }

    /// A job's counts from `SELECT state, COUNT(*) AS count … GROUP BY state` rows.
    private static func counts(_ records: [StoreRecord]) throws(StoreError) -> BulkJob.Counts {
        var counts = BulkJob.Counts()
        for record in records {
            guard let state = JobRecipient.State(rawValue: try record.text("state")) else { continue }
            counts[state] = try record.int("count")
        }
        return counts
    }

    /// An attempt as the `last_attempt` column holds it.
    static func text(_ attempt: DeliveryAttempt) -> String {
        (try? JSONEncoder().encode(attempt)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension Optional where Wrapped == BulkJob {
    /// The job, which the transaction that reads it has just written.
    func unwrapped(_ id: String) throws(StoreError) -> BulkJob {
        guard let self else { throw StoreError("job \(id) vanished while it was written") }
        return self
    }
}
