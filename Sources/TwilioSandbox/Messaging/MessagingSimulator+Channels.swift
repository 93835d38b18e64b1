import Foundation
import TwilioKit

extension MessagingSimulator {
    /// What the recipient's channel answers a message leaving `sending`: WhatsApp's rules
    /// (``WhatsAppSendPolicy``: a registered sender, the template's approval, the 24-hour window
    /// on the sandbox clock); on every channel, a template with no type the channel carries is
    /// refused (63006). `nil` when the channel takes the message.
    func channelRefusal(of message: MessageRecord) async -> ChannelRefusal? {
        let source = message.contentSource ?? .freeForm
        guard message.isWhatsApp else {
            if case .template(_, contentType: nil) = source { return .unformattableContent }
            return nil
        }
        let content: WhatsAppSendPolicy.Content
        switch source {
        case .freeForm:
            content = .freeForm
        case .twilioService:
            content = .twilioService
        case .template(let sid, let contentType):
            let approval = await self.content.template(sid, accountSID: message.accountSID)?.approval.status ?? .unsubmitted
            content = .template(carried: contentType != nil, approval: approval)
        }
        let sender = message.from ?? ""
        return WhatsAppSendPolicy.refusal(
            senderRegistered: await rules.whatsAppSenders.isRegistered(sender, accountSID: message.accountSID),
            content: content,
            windowOpen: await rules.windows.isOpen(business: sender, person: message.to, at: rules.clock.now))
    }

    /// The channel fields Twilio adds to a WhatsApp message's status callback: `ChannelPrefix`,
    /// `ChannelInstallSid`, `ChannelToAddress` (the number, its last four digits masked as Twilio
    /// masks them) and, for delivery and read receipts, `EventType`.
    static func whatsAppStatusParameters(_ message: MessageRecord) -> [(String, String)] {
        let number = String(message.to.dropFirst("whatsapp:".count))
        var parameters: [(String, String)] = [
            ("ChannelPrefix", "whatsapp"), ("ChannelInstallSid", "XE" + String(message.accountSID.dropFirst(2))),
            ("ChannelToAddress", String(number.dropLast(4)) + "XXXX"),
        ]
        switch message.status {
        case .read: parameters.append(("EventType", "READ"))
        case .delivered: parameters.append(("EventType", "DELIVERED"))
        case .undelivered: parameters.append(("EventType", "UNDELIVERED"))
        default: break
        }
        return parameters
    }
}
