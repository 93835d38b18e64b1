/// The result of a bulk send: every recipient with its message SID or error, and totals.
public struct BulkSendReport: Sendable {
    /// One recipient's outcome.
    public struct Recipient: Sendable {
        /// The recipient as given.
        public var given: String
        /// The normalised address (E.164 or channel address), when valid.
        public var to: String?
        /// The message SID, when sent.
        public var messageSid: String?
        /// The sender Twilio recorded for the message (the Messaging Service's pick, when one is used).
        public var from: String?
        /// The message's status at creation.
        public var status: String?
        /// Why it was not sent (invalid, refused, no answer).
        public var error: String?
        /// Twilio's error code.
        public var errorCode: Int?
        /// Whether the message may exist although no answer came (a timeout after sending): it is
        /// never sent again automatically.
        public var mayHaveBeenSent: Bool
    }

    /// Recipients in the order given (duplicates dropped).
    public var recipients: [Recipient]
    /// Recipients dropped as duplicates of an earlier one.
    public var duplicateCount: Int
    /// The pace used, in messages per second.
    public var messagesPerSecond: Double
    /// The durable job that sent it (with the connector's store), `job_…`.
    public var jobID: String? = nil
    /// The job's status: `running` (an asynchronous job just started), `completed` or `canceled`.
    public var jobStatus: String? = nil

    /// Messages created.
    public var sentCount: Int { recipients.filter { $0.messageSid != nil }.count }
    /// Recipients not sent to (invalid or refused).
    public var failedCount: Int { recipients.count - sentCount }
    /// Recipients rejected before sending.
    public var invalidCount: Int { recipients.filter { $0.to == nil }.count }
}
