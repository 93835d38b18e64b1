import Foundation

/// A chunk of a bulk job leased to one runner: until ``expiresAt`` (renewed while it works) no
/// other runner, on this instance or another, takes the chunk or any other chunk of the job, so a
/// job is worked on by one runner at a time and keeps its pace. An instance that dies loses the
/// lease at expiry and another one takes the chunk over.
public struct JobChunkLease: Sendable, Equatable {
    /// Whether a runner may begin a send.
    public enum SendPermission: Sendable, Equatable {
        /// The recipient is now `sending`.
        case granted
        /// The runner no longer holds the chunk's lease (it expired and was taken, or was released).
        case leaseLost
        /// The job is no longer running (canceled or completed), or the recipient is not pending.
        case notPending
    }

    /// The job, as it stood when leased.
    public let job: BulkJob
    /// The chunk's number (recipients `chunk * chunkSize ..< (chunk + 1) * chunkSize`).
    public let chunk: Int
    /// Who holds the lease.
    public let owner: String
    /// When the lease lapses unless renewed.
    public let expiresAt: Date
    /// The chunk's recipients still to settle: pending, or sending (unknown outcome, to reconcile).
    public let recipients: [JobRecipient]

    /// Creates a lease.
    public init(job: BulkJob, chunk: Int, owner: String, expiresAt: Date, recipients: [JobRecipient]) {
        self.job = job
        self.chunk = chunk
        self.owner = owner
        self.expiresAt = expiresAt
        self.recipients = recipients
    }
}
