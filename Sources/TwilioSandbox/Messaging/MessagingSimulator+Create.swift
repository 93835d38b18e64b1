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
        "+15005550001": SandboxError(.badRequest, code: 21211, "Invalid 'To' Phone Number: +15005550001"),
        "+15005550002": SandboxError(.badRequest, code: 21612, "The 'To' phone number: +15005550002, is not currently reachable using the 'From' phone number via SMS."),
        "+15005550003": SandboxError(.badRequest, code: 21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +15005550003."),
        "+15005550004": SandboxError(.badRequest, code: 21610, "Attempt to send to unsubscribed recipient"),
        "+15005550009": SandboxError(.badRequest, code: 21614, "'To' number +15005550009 is not a valid mobile number"),
    ]

    /// Validates a CreateMessage form as Twilio does, in Twilio's order, and queues the message.
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
        try Self.validateRecipient(to)
        if let from, let error = Self.magicFromErrors[from] { throw error }
        if let error = Self.magicToErrors[to] { throw error }
        if let from { try await validateSender(from, accountSID: accountSID) }
        if from == to { throw SandboxError(.badRequest, code: 21266, "'To' and 'From' number cannot be the same: \(to)") }
        try Self.validateOptions(form)
        let sendAt = try scheduledTime(form, serviceSID: serviceSID)

        let resolvedBody = contentSID.map { "[template \($0)] " + (form.first("ContentVariables") ?? "") } ?? body
        let smartEncoded = try form.bool("SmartEncoded") == true
        let assignedSender = if let from { from } else { try Self.sender(from: service, for: to) }
        let message = MessageRecord(
            accountSID: accountSID, from: from, to: to,
            body: smartEncoded ? SMSSegmentation.smartEncoded(resolvedBody) : resolvedBody,
            status: MessageLifecycle.initialStatus(scheduled: sendAt != nil, senderKnown: from != nil),
            direction: .outboundAPI, mediaURLs: mediaURLs, messagingServiceSID: serviceSID,
            statusCallback: form.first("StatusCallback") ?? service?.statusCallback,
            segmentCount: SMSSegmentation(resolvedBody, smartEncoding: smartEncoded).segmentCount, sendAt: sendAt)
        await queue(message, sender: assignedSender)
        return message
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

    /// `To` must be an E.164 number or a channel address: something that can receive, so not a
    /// short code or an alphanumeric sender ID (`garbage`, `12345`, `hello world`, `true`).
    private static func validateRecipient(_ to: String) throws(SandboxError) {
        let address: ChannelAddress
        do {
            address = try ChannelAddress(to)
        } catch {
            throw SandboxError(.badRequest, code: 21211, "Invalid 'To' Phone Number: \(to) (\(error))")
        }
        guard address.canReceive else {
            throw SandboxError(.badRequest, code: 21211, "Invalid 'To' Phone Number: \(to) (short codes and sender IDs cannot receive)")
        }
    }

    /// `From` must be valid, and a number the account owns (any alphanumeric sender ID is allowed).
    private func validateSender(_ from: String, accountSID: String) async throws(SandboxError) {
        let address: ChannelAddress
        do { address = try ChannelAddress(from) } catch {
            throw SandboxError(.badRequest, code: 21212, "The 'From' number \(from) is not a valid phone number, shortcode, or alphanumeric sender ID.")
        }
        if case .alphanumericSenderID = address { return }
        guard let owned = await phoneNumbers.owner(of: from), owned.accountSID == accountSID else {
            throw SandboxError(.badRequest, code: 21606, "The 'From' phone number provided (\(from)) is not a valid message-capable Twilio phone number for this destination.")
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
