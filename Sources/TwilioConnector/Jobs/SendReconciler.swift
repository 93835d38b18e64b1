import Foundation
import TwilioKit

/// Finds out whether a send whose outcome is unknown happened: lists the account's messages to the
/// recipient from the job's sender, sent since the day the send began (`To`, `From`, `DateSent>=`),
/// and looks for the job's message among them — the same body (or Messaging Service), created no
/// earlier than the send began (less the clock skew). A message found is that send; none found
/// proves it did not happen, and only then is the recipient sent again.
///
/// A message with the same body to the same number from the same sender, created by something else
/// in that window, is taken for the job's: reconciliation errs on the side of not sending twice.
struct SendReconciler: Sendable {
    let client: TwilioClient
    let template: MessageCreateParameters
    let clockSkew: Duration

    /// The job's message to `to` for the send that began at `sendingAt`, if Twilio has it.
    func message(to: String, sendingAt: Date) async throws(TwilioError) -> Message? {
        let earliest = sendingAt.addingTimeInterval(-clockSkew.timeInterval)
        let filter = MessageListFilter(to: to, from: template.from, dateSent: .after(earliest, precision: .day), pageSize: 100)
        let candidates = try await client.messages.list(filter, limit: 100).collect()
        return candidates.first { isJobMessage($0, earliest: earliest) }
    }

    private func isJobMessage(_ message: Message, earliest: Date) -> Bool {
        guard let created = message.dateCreated ?? message.dateSent, created >= earliest.addingTimeInterval(-1) else { return false }
        if let body = template.body, message.body != body { return false }
        if template.from == nil, let service = template.messagingServiceSid, message.messagingServiceSid != service { return false }
        return message.direction != .inbound
    }
}
