import Foundation

/// One recipient of a bulk job and where it stands: pending → sending → sent or failed. A recipient
/// left `sending` (the instance died, or no answer came) is reconciled against Twilio before it is
/// ever sent again.
public struct JobRecipient: Sendable, Equatable {
    /// Where a recipient stands.
    public enum State: String, Sendable, Equatable, CaseIterable {
        /// Not sent yet.
        case pending
        /// A send began; its outcome is not recorded (unknown until reconciled).
        case sending
        /// Twilio created the message.
        case sent
        /// Invalid, refused, or given up on.
        case failed
        /// Set aside by a cancellation, never sent.
        case canceled
    }

    /// What became of a send (or of a reconciliation), as recorded by
    /// ``ConnectorStore/recordRecipient(jobID:index:owner:outcome:now:)``.
    public enum Outcome: Sendable, Equatable {
        /// The message exists.
        case sent(messageSid: String, from: String?, status: String?)
        /// It failed for good.
        case failed(error: String, errorCode: Int?)
        /// It was proven not sent: pending again, with the reason.
        case unsent(error: String)
    }

    /// Its job.
    public let jobID: String
    /// Its position in the job, from 0.
    public let index: Int
    /// The recipient as given.
    public let given: String
    /// The normalised address; `nil` when invalid.
    public let to: String?
    /// Where it stands.
    public let state: State
    /// Sends begun so far.
    public let attempts: Int
    /// When the latest send began.
    public let sendingAt: Date?
    /// The message, once sent.
    public let messageSid: String?
    /// The sender Twilio recorded.
    public let from: String?
    /// The message's status when it was created.
    public let messageStatus: String?
    /// The latest error.
    public let error: String?
    /// Twilio's error code.
    public let errorCode: Int?

    /// Creates a recipient.
    public init(jobID: String, index: Int, given: String, to: String?, state: State, attempts: Int, sendingAt: Date?,
                messageSid: String?, from: String?, messageStatus: String?, error: String?, errorCode: Int?) {
        self.jobID = jobID
        self.index = index
        self.given = given
        self.to = to
        self.state = state
        self.attempts = attempts
        self.sendingAt = sendingAt
        self.messageSid = messageSid
        self.from = from
        self.messageStatus = messageStatus
        self.error = error
        self.errorCode = errorCode
    }
}
