import Foundation
import TwilioKit

/// A durable bulk job: one action applied to many recipients, each recipient's state kept in the
/// store so that the job survives the instance running it. Work is handed out in chunks of
/// recipients under leases (``ConnectorStore/leaseJobChunk(jobID:now:owner:leaseDuration:)``).
public struct BulkJob: Sendable, Equatable {
    /// Where a job stands.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// Recipients remain to be sent; an instance holding a chunk's lease works on it.
        case running
        /// Every recipient was sent or failed.
        case completed
        /// Stopped: pending recipients are set aside (``JobRecipient/State/canceled``) until resumed.
        case canceled
    }

    /// How many recipients stand in each state.
    public struct Counts: Sendable, Equatable {
        /// Recipients not sent yet.
        public var pending = 0
        /// Recipients whose send began and whose outcome is not recorded yet (or unknown).
        public var sending = 0
        /// Recipients sent.
        public var sent = 0
        /// Recipients that failed (invalid ones included).
        public var failed = 0
        /// Recipients set aside by a cancellation.
        public var canceled = 0

        /// Creates counts.
        public init(pending: Int = 0, sending: Int = 0, sent: Int = 0, failed: Int = 0, canceled: Int = 0) {
            self.pending = pending
            self.sending = sending
            self.sent = sent
            self.failed = failed
            self.canceled = canceled
        }

        /// Every recipient.
        public var total: Int { pending + sending + sent + failed + canceled }
        /// Recipients with a final outcome.
        public var finished: Int { sent + failed }

        /// The count of `state`.
        public subscript(state: JobRecipient.State) -> Int {
            get {
                switch state {
                case .pending: pending
                case .sending: sending
                case .sent: sent
                case .failed: failed
                case .canceled: canceled
                }
            }
            set {
                switch state {
                case .pending: pending = newValue
                case .sending: sending = newValue
                case .sent: sent = newValue
                case .failed: failed = newValue
                case .canceled: canceled = newValue
                }
            }
        }
    }

    /// Who holds the lease of the chunk being worked on.
    public struct Lease: Sendable, Equatable {
        /// The runner (`<instance>/<runner>`).
        public let owner: String
        /// When it lapses unless renewed.
        public let expiresAt: Date

        /// Creates a lease.
        public init(owner: String, expiresAt: Date) {
            self.owner = owner
            self.expiresAt = expiresAt
        }
    }

    /// `job_…`.
    public let id: String
    /// What the job does (`sendBulkSMS`).
    public let kind: String
    /// Where it stands.
    public let status: Status
    /// The job's settings as its runner needs them (never credentials).
    public let parameters: JSONValue
    /// Recipients per chunk.
    public let chunkSize: Int
    /// When it was written.
    public let createdAt: Date
    /// When its status last changed.
    public let updatedAt: Date
    /// Its recipients by state.
    public let counts: Counts
    /// The latest lease of one of its unfinished chunks (it may have lapsed), if any.
    public let lease: Lease?

    /// Creates a job.
    public init(id: String, kind: String, status: Status, parameters: JSONValue, chunkSize: Int, createdAt: Date, updatedAt: Date,
                counts: Counts, lease: Lease? = nil) {
        self.id = id
        self.kind = kind
        self.status = status
        self.parameters = parameters
        self.chunkSize = chunkSize
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.counts = counts
        self.lease = lease
    }
}
