import Foundation
import TwilioKit

extension MessagingSimulator {
    /// Twilio's test-credential numbers used as `From`.
    static let magicFromErrors: [String: SandboxError] = [
        "+15005550001": SandboxError(.badRequest, code: 21212, "The 'From' number +15005550001 is not a valid phone number, shortcode, or alphanumeric sender ID."),
        "+15005550007": SandboxError(.badRequest, code: 21606, "The 'From' phone number provided (+15005550007) is not a valid message-capable Twilio phone number for this destination."),
        "+15005550008": SandboxError(.badRequest, code: 21611, "This 'From' number has exceeded the maximum number of queued messages"),
    ]

    /// Twilio's test-credential numbers used as `To`.
    static let magicToErrors: [String: SandboxError] = [
        "+15005550001": .invalidRecipient("+15005550001", "a test number that is never valid"),
        "+15005550002": .unreachableViaSMS("+15005550002"),
        "+15005550003": .regionNotPermitted("+15005550003"),
        "+15005550004": SandboxError(.badRequest, code: 21610, "Attempt to send to unsubscribed recipient"),
        "+15005550009": SandboxError(.badRequest, code: 21614, "'To' number +15005550009 is not a valid mobile number"),
    ]

    /// Validates a CreateMessage form as Twilio does, in Twilio's order, renders its template, and
    /// queues the message. What only the channel can know (WhatsApp's window and senders) is
    /// decided as the message leaves (``channelRefusal(of:)``).
    func create(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> MessageRecord {
        let to = try form.required("To").trimmingCharacters(in: .whitespaces)
        let from = form.first("From")?.trimmingCharacters(in: .whitespaces)
        let serviceSID = form.first("MessagingServiceSid")
        guard from?.isEmpty == false || serviceSID != nil else {
            throw SandboxError(.badRequest, code: 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message")
        }
        let service: MessagingServiceRecord? = if let serviceSID { try await messagingService(serviceSID, accountSID: accountSID) } else { nil }
        let body = form.first("Body") ?? ""
        let mediaURLs = form.values("MediaUrl")
        let contentSID = form.first("ContentSid")
        try Self.validateContent(body: body, mediaURLs: mediaURLs, contentSID: contentSID)
        let recipient = try Self.validateRecipient(to)
        if let from, let error = Self.magicFromErrors[from] { throw error }
        if let error = Self.magicToErrors[to] { throw error }
        let sender: ChannelAddress? = if let from { try await validateSender(from, accountSID: accountSID) } else { nil }
        if from == to { throw SandboxError(.badRequest, code: 21266, "'To' and 'From' number cannot be the same: \(to)") }
        try Self.validatePair(to: recipient, from: sender)
        try Self.validateOptions(form)
        try await SMSDestination(recipient: to)?.check(sender: sender, permissions: rules.geoPermissions, accountSID: accountSID)
        let composed = try await compose(form, body: body, mediaURLs: mediaURLs, to: to, accountSID: accountSID)
        let sendAt = try scheduledTime(form, serviceSID: serviceSID)

        let smartEncoded = try form.bool("SmartEncoded") == true
        let assignedSender = if let from { from } else { try Self.sender(from: service, for: to) }
        var message = MessageRecord(
            accountSID: accountSID, from: from, to: to,
            body: smartEncoded ? SMSSegmentation.smartEncoded(composed.body) : composed.body,
            status: MessageLifecycle.initialStatus(scheduled: sendAt != nil, senderKnown: from != nil),
            direction: .outboundAPI, mediaURLs: composed.mediaURLs, messagingServiceSID: serviceSID,
            statusCallback: form.first("StatusCallback") ?? service?.statusCallback,
            segmentCount: SMSSegmentation(composed.body, smartEncoding: smartEncoded).segmentCount, sendAt: sendAt)
        message.contentSource = composed.source
        await queue(message, sender: assignedSender)
        return message
    }

    /// The message's content: `Body` and `MediaUrl` as given, or the template `ContentSid` names
    /// (21655 when there is none) rendered with `ContentVariables` (21656 when malformed; 21654
    /// without a `ContentSid`) as the recipient's channel carries it — what Twilio stores.
    private func compose(_ form: FormParameters, body: String, mediaURLs: [String], to: String,
                         accountSID: String) async throws(SandboxError) -> (body: String, mediaURLs: [String], source: MessageContentSource) {
        guard let contentSID = form.first("ContentSid") else {
            guard form.first("ContentVariables") == nil else {
                throw SandboxError(.badRequest, code: 21654, "ContentSid Required: a ContentSid must be specified if ContentVariables are provided in the request")
            }
            return (body, mediaURLs, .freeForm)
        }
        let template = try await content.template(forMessage: contentSID, accountSID: accountSID)
        let variables = try ContentVariables(form.first("ContentVariables"))
        guard let contentType = ContentChannel(recipient: to)?.pick(from: template.typeNames) else {
            return ("", [], .template(sid: template.sid, contentType: nil))
        }
        let rendered = try ContentRenderer.render(template, as: contentType, variables: variables)
        return (rendered.body, rendered.mediaURLs, .template(sid: template.sid, contentType: contentType))
    }

    /// A body, media or a template (21602); at most 1600 characters (21617) and 10 media URLs
    /// (21623), each http(s) (21620).
    private static func validateContent(body: String, mediaURLs: [String], contentSID: String?) throws(SandboxError) {
        guard !body.isEmpty || !mediaURLs.isEmpty || contentSID != nil else {
            throw SandboxError(.badRequest, code: 21602, "Message body is required.")
        }
        guard body.count <= 1600 else {
            throw SandboxError(.badRequest, code: 21617, "The concatenated message body exceeds the 1600 character limit.")
        }
        guard mediaURLs.count <= 10 else {
            throw SandboxError(.badRequest, code: 21623, "The number of media files (\(mediaURLs.count)) exceeds the maximum of 10.")
        }
        for url in mediaURLs where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw SandboxError(.badRequest, code: 21620, "Invalid media URL(s): \(url)")
        }
    }

    /// The optional parameters the sandbox accepts without acting on them, checked for their shape.
    private static func validateOptions(_ form: FormParameters) throws(SandboxError) {
        _ = try form.oneOf("ScheduleType", ["fixed"])
        _ = try form.int("ValidityPeriod", in: 1...36000)
        _ = try form.int("Attempt", in: 1...Int.max)
        _ = try form.oneOf("RiskCheck", ["enable", "disable"])
        _ = try form.oneOf("ContentRetention", ["retain", "discard"])
        _ = try form.oneOf("AddressRetention", ["retain", "obfuscate"])
    }

    /// `MessagingServiceSid`: a well-formed SID (21705) of one of the account's services (21701).
    private func messagingService(_ sid: String, accountSID: String) async throws(SandboxError) -> MessagingServiceRecord {
        guard SID.isValid(sid, prefix: "MG") else {
            throw SandboxError(.badRequest, code: 21705, "The Messaging Service Sid \(sid) is invalid.")
        }
        guard let service = await messagingServices.service(sid, accountSID: accountSID) else {
            throw SandboxError(.badRequest, code: 21701, "The Messaging Service \(sid) does not exist")
        }
        return service
    }

    /// The sender a Messaging Service picks: the first number of its pool, on the recipient's
    /// channel; a service without numbers cannot send (21704).
    private static func sender(from service: MessagingServiceRecord?, for to: String) throws(SandboxError) -> String? {
        guard let service else { return nil }
        guard let number = service.senders.first?.phoneNumber else {
            throw SandboxError(.badRequest, code: 21704, "The Messaging Service \(service.sid) contains no phone numbers")
        }
        return to.hasPrefix("whatsapp:") ? "whatsapp:" + number : number
    }

    /// `To` must be an E.164 number or a channel address a message can go to: never a short code
    /// or an alphanumeric sender ID (21211).
    private static func validateRecipient(_ to: String) throws(SandboxError) -> ChannelAddress {
        let address: ChannelAddress
        do { address = try ChannelAddress(to) } catch { throw .invalidRecipient(to, error.description) }
        guard address.canReceive else { throw .invalidRecipient(to, "a short code or alphanumeric sender ID can only send") }
        return address
    }

    /// `From` must be valid, and a number the account owns (any alphanumeric sender ID is allowed;
    /// whether a `whatsapp:` sender is registered is WhatsApp's answer, as the message leaves).
    private func validateSender(_ from: String, accountSID: String) async throws(SandboxError) -> ChannelAddress {
        let address: ChannelAddress
        do { address = try ChannelAddress(from) } catch {
            throw SandboxError(.badRequest, code: 21212, "The 'From' number \(from) is not a valid phone number, shortcode, or alphanumeric sender ID.")
        }
        switch address {
        case .alphanumericSenderID, .whatsApp: return address
        default: break
        }
        guard let owned = await phoneNumbers.owner(of: from), owned.accountSID == accountSID else {
            throw SandboxError(.badRequest, code: 21606, "The 'From' phone number provided (\(from)) is not a valid message-capable Twilio phone number for this destination.")
        }
        return address
    }

    /// A WhatsApp message goes from a WhatsApp sender to a WhatsApp address (21910).
    private static func validatePair(to: ChannelAddress, from: ChannelAddress?) throws(SandboxError) {
        guard let from else { return }
        func isWhatsApp(_ address: ChannelAddress) -> Bool { if case .whatsApp = address { true } else { false } }
        guard isWhatsApp(to) == isWhatsApp(from) else {
            throw SandboxError(.badRequest, code: 21910, "Invalid From and To pair. From and To should be of the same channel.")
        }
    }

    /// `SendAt` of a `ScheduleType=fixed` message: needs a Messaging Service, and 15 minutes to
    /// 35 days ahead.
    private func scheduledTime(_ form: FormParameters, serviceSID: String?) throws(SandboxError) -> Date? {
        guard form.first("ScheduleType") == "fixed" else { return nil }
        guard serviceSID != nil else {
            throw SandboxError(.badRequest, code: 35111, "MessagingServiceSid is required to schedule a message")
        }
        let raw = try form.required("SendAt")
        guard let sendAt = TwilioDateFormat.date(from: raw) else {
            throw .invalidParameter("SendAt", raw, rule: "must be an ISO 8601 date-time")
        }
        let lead = sendAt.timeIntervalSinceNow
        let (minimum, _) = minimumScheduleLead.components
        guard lead >= Double(minimum) - 1, lead <= 35 * 86_400 else {
            throw SandboxError(.badRequest, code: 35114, "SendAt must be between \(minimum / 60) minutes and 35 days in the future")
        }
        return sendAt
    }
}
