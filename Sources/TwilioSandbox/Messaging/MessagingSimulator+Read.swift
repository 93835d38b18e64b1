import Foundation
import TwilioKit

extension MessagingSimulator {
    /// The WhatsApp user `handset` reads what the account sent it: its delivered WhatsApp messages
    /// (or only `messageSID`) move to `read`, each with its status callback (`EventType=READ`), as
    /// WhatsApp's read receipts reach Twilio. Answers the messages read.
    func read(by handset: String, messageSID: String?, accountSID: String) async throws(SandboxError) -> [MessageRecord] {
        let address = handset.lowercased().hasPrefix("whatsapp:") ? handset : "whatsapp:" + handset
        let candidates: [MessageRecord]
        if let messageSID {
            guard let message = await messages.record(messageSID, accountSID: accountSID), message.to == address else {
                throw .invalidParameter("MessageSid", messageSID, rule: "is not a WhatsApp message of this account to \(address)")
            }
            guard message.status == .delivered || message.status == .read else {
                throw .invalidParameter("MessageSid", messageSID, rule: "is \(message.status.rawValue): only a delivered message can be read")
            }
            candidates = [message]
        } else {
            candidates = await messages.records(of: accountSID) { $0.to == address && $0.status == .delivered }
        }
        var read: [MessageRecord] = []
        for message in candidates {
            guard let moved = await apply(.readByRecipient, to: message.sid, sender: nil) else { continue }
            read.append(moved.record)
            await postStatusCallback(moved.record)
        }
        return read
    }
}
