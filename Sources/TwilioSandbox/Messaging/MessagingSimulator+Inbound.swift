import Foundation
import TwilioKit

extension MessagingSimulator {
    /// The outcome of a handset texting an owned number.
    struct InboundResult: Sendable {
        let message: MessageRecord
        let replies: [MessageRecord]
        let webhook: WebhookDelivery?
    }

    /// The most documents a reply follows through `<Redirect>`s.
    static let maximumRedirects = 10

    /// A simulated handset sends `body` to the owned number `to`: the message is stored as
    /// received (a WhatsApp message opens the 24-hour window with `to`, on the sandbox clock),
    /// posted to the number's SmsUrl exactly as Twilio posts it — with `whatsApp`'s extras for a
    /// WhatsApp message — and each `<Message>` of the TwiML reply is sent back (a `<Redirect>` is
    /// followed, up to ``maximumRedirects`` times).
    func receive(from handset: String, to: String, body: String, mediaURLs: [String] = [],
                 whatsApp: WhatsAppInboundDetails = WhatsAppInboundDetails()) async throws(SandboxError) -> InboundResult {
        let sender: ChannelAddress
        do { sender = try ChannelAddress(handset) } catch {
            throw .invalidParameter("From", handset, rule: "must be an E.164 number or channel address (\(error))")
        }
        guard let owned = await phoneNumbers.owner(of: to) else {
            throw SandboxError(.badRequest, code: 21606, "\(to) is not a number of this sandbox: provision it first")
        }
        let whatsAppExtras: [(String, String)]
        if case .whatsApp = sender {
            whatsAppExtras = whatsApp.parameters(sender: handset, repliedTo: try await repliedMessage(whatsApp, handset: handset, to: to,
                                                                                                    accountSID: owned.accountSID))
            await rules.windows.personWrote(handset, to: to, at: rules.clock.now)
        } else {
            guard !whatsApp.hasWhatsAppOnlyFields else {
                throw .invalidParameter("From", handset, rule: "must be a whatsapp: address to carry ButtonText, a location, a reply or Forwarded")
            }
            whatsAppExtras = []
        }
        let now = Date()
        let text = body.isEmpty ? whatsApp.buttonText ?? "" : body
        let message = MessageRecord(accountSID: owned.accountSID, from: handset, to: to, body: text, status: .received,
                                    direction: .inbound, mediaURLs: mediaURLs, dateSent: now, now: now)
        await messages.save(message)
        let parameters = Self.inboundParameters(message) + whatsAppExtras
        await environment.eventStreams.inboundMessageReceived(parameters)
        var settings = await phoneNumbers.settings(of: owned, handledBy: \.smsApplicationSID)
        if let service = await messagingServices.service(holding: owned), !service.useInboundWebhookOnNumber {
            settings.smsURL = service.inboundRequestURL
            settings.smsMethod = service.inboundMethod
        }
        guard var url = settings.smsURL else { return InboundResult(message: message, replies: [], webhook: nil) }

        var method = settings.smsMethod
        var replies: [MessageRecord] = []
        var lastDelivery: WebhookDelivery?
        for _ in 0..<Self.maximumRedirects {
            let delivery = await environment.webhooks.send(url, method: method, parameters: parameters, accountSID: owned.accountSID)
            lastDelivery = delivery
            guard delivery.status.map({ (200..<300).contains($0) }) == true, !delivery.responseBody.isEmpty,
                  case .messaging(let response)? = try? TwiMLDocument.parse(delivery.responseBody) else { break }
            var redirect: TwiML.Redirect?
            for verb in response.verbs {
                switch verb {
                case .message(let reply):
                    replies.append(await sendReply(reply, inboundTo: to, inboundFrom: handset, accountSID: owned.accountSID))
                case .redirect(let target):
                    redirect = target
                case .unsupported:
                    continue
                }
                if redirect != nil { break }
            }
            guard let redirect else { break }
            url = URL(string: redirect.url, relativeTo: URL(string: url))?.absoluteString ?? redirect.url
            method = redirect.method.rawValue
        }
        return InboundResult(message: message, replies: replies, webhook: lastDelivery)
    }

    /// A `<Message>` reply: from the number that was texted, to the handset, unless the verb says otherwise.
    private func sendReply(_ reply: TwiML.Message, inboundTo: String, inboundFrom: String, accountSID: String) async -> MessageRecord {
        let message = MessageRecord(accountSID: accountSID, from: reply.from ?? inboundTo, to: reply.to ?? inboundFrom,
                                    body: reply.body ?? "", status: .queued, direction: .outboundReply,
                                    mediaURLs: reply.media, statusCallback: reply.action)
        await queue(message, sender: message.from)
        return message
    }

    /// The message a WhatsApp message replies to: `OriginalRepliedMessageSid` (one of the
    /// account's messages), or for a quick-reply tap the latest message `to` sent the handset.
    private func repliedMessage(_ details: WhatsAppInboundDetails, handset: String, to: String,
                                accountSID: String) async throws(SandboxError) -> (sid: String, sender: String)? {
        if let sid = details.originalRepliedMessageSID {
            guard let original = await messages.record(sid, accountSID: accountSID) else {
                throw .invalidParameter("OriginalRepliedMessageSid", sid, rule: "is not a message of this account")
            }
            return (original.sid, original.from ?? to)
        }
        guard details.buttonText != nil else { return nil }
        let tapped = await messages.newest { $0.accountSID == accountSID && $0.to == handset && $0.from == to && $0.direction != .inbound }
        return tapped.map { ($0.sid, to) }
    }

    /// The parameters Twilio posts for every incoming message (a WhatsApp message adds its own).
    static func inboundParameters(_ message: MessageRecord) -> [(String, String)] {
        var parameters: [(String, String)] = [
            ("ToCountry", "US"), ("ToState", ""), ("SmsMessageSid", message.sid), ("NumMedia", String(message.media.count)),
            ("ToCity", ""), ("FromZip", ""), ("SmsSid", message.sid), ("FromState", ""), ("SmsStatus", message.status.rawValue),
            ("FromCity", ""), ("Body", message.body), ("FromCountry", "US"), ("To", message.to), ("ToZip", ""),
            ("NumSegments", String(message.segmentCount)), ("MessageSid", message.sid),
            ("AccountSid", message.accountSID), ("From", message.from ?? ""), ("ApiVersion", "2010-04-01"),
        ]
        for (index, item) in message.media.enumerated() {
            parameters.append(("MediaContentType\(index)", MessageRecord.contentType(of: item.url)))
            parameters.append(("MediaUrl\(index)", item.url))
        }
        return parameters
    }

    /// Reopens the 24-hour windows of the WhatsApp messages a previous run received in the last
    /// day (the sandbox clock starts again at the wall clock's time).
    func reopenWindows() async {
        let since = rules.clock.now.addingTimeInterval(-CustomerServiceWindows.length)
        for message in await messages.records(where: { $0.direction == .inbound && $0.from?.hasPrefix("whatsapp:") == true && $0.dateCreated > since }) {
            await rules.windows.personWrote(message.from ?? "", to: message.to, at: message.dateCreated)
        }
    }
}
