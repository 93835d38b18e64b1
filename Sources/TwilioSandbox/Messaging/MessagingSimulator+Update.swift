import Foundation
import TwilioKit

extension MessagingSimulator {
    /// UpdateMessage: `Status=canceled` cancels a scheduled message (30409 otherwise); `Body=`
    /// redacts a finished one (20009 while it is on its way).
    func update(_ sid: String, form: FormParameters, accountSID: String) async throws(SandboxError) -> MessageRecord {
        guard let message = await messages.record(sid, accountSID: accountSID) else {
            throw .notFound("/2010-04-01/Accounts/\(accountSID)/Messages/\(sid).json")
        }
        if try form.oneOf("Status", [MessageStatus.canceled]) != nil {
            guard let canceled = await apply(.cancelRequested, to: sid, sender: nil) else {
                throw SandboxError(.badRequest, code: 30409, "This message cannot be canceled: its status is \(message.status.rawValue)")
            }
            return canceled.record
        }
        if let body = form.first("Body") {
            guard body.isEmpty else { throw .invalidParameter("Body", body, rule: "can only be set to the empty string, to redact the message") }
            guard message.lifecycle.isFinal else {
                throw SandboxError(.badRequest, code: 20009, "Cannot redact a message that is still being delivered (status \(message.status.rawValue))")
            }
            return await messages.modify(sid) { message in
                message.body = ""
                message.dateUpdated = Date()
            } ?? message
        }
        return message
    }
}
