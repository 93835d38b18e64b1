import Foundation
import TwilioKit

/// A bulk job to create: its settings and every recipient, written before the first send.
public struct NewBulkJob: Sendable {
    /// A recipient as the job starts.
    public struct Recipient: Sendable, Equatable {
        /// The recipient as given.
        public var given: String
        /// The normalised address; `nil` when invalid.
        public var to: String?
        /// Why it is invalid (it starts failed); `nil` for a valid recipient (it starts pending).
        public var error: String?

        /// Creates a recipient.
        public init(given: String, to: String?, error: String?) {
            self.given = given
            self.to = to
            self.error = error
        }
    }

    /// What the job does (`sendBulkSMS`).
    public var kind: String
    /// The job's settings as its runner needs them (never credentials).
    public var parameters: JSONValue
    /// The recipients, in order.
    public var recipients: [Recipient]
    /// Recipients per chunk (each chunk is leased as a whole).
    public var chunkSize: Int
    /// When it is written.
    public var createdAt: Date

    /// Creates a job.
    public init(kind: String, parameters: JSONValue, recipients: [Recipient], chunkSize: Int, createdAt: Date) {
        self.kind = kind
        self.parameters = parameters
        self.recipients = recipients
        self.chunkSize = chunkSize
        self.createdAt = createdAt
    }
}
