import ConnectorStore
import TwilioKit

extension BulkSendReport {
    /// The report of a job: every recipient with its outcome as the store has it.
    init(job: BulkJob, recipients: [JobRecipient]) {
        let parameters = BulkSendJobParameters(job.parameters)
        self.init(recipients: recipients.map(Recipient.init(job:)), duplicateCount: parameters?.duplicateCount ?? 0,
                  messagesPerSecond: parameters?.messagesPerSecond ?? 0, jobID: job.id, jobStatus: job.status.rawValue)
    }
}

extension BulkSendReport.Recipient {
    /// A job's recipient as a report lists it.
    init(job recipient: JobRecipient) {
        let error: String? = switch recipient.state {
        case .sent: nil
        case .failed: recipient.error
        case .pending: "not sent yet: the job is still running"
        case .sending: "sent, and no answer came yet: reconciled before any retry"
        case .canceled: "not sent: the job was canceled"
        }
        self.init(given: recipient.given, to: recipient.to, messageSid: recipient.messageSid, from: recipient.from,
                  status: recipient.messageStatus, error: error, errorCode: recipient.errorCode, mayHaveBeenSent: recipient.state == .sending)
    }
}
