import Foundation
import TwilioKit

extension MessagingActions {
    /// Who the message is between.
    static let whatsAppAddresses: [RequestParameter<Create>] = [
        .required("To", \.to, .recipient, "The recipient's WhatsApp number: +14155550100 or whatsapp:+14155550100."),
        .string("From", \.from, .address, required: true, "Your WhatsApp sender: +14155550100 or whatsapp:+14155550100."),
    ]

    /// What the message holds: free text and media, or a template.
    static let whatsAppContent: [RequestParameter<Create>] = [
        .string("Body", \.body, .maxLength(1600), "The free text, up to 1600 characters (useTemplate false)."),
        .list("MediaUrl", \.mediaURLs, maxCount: 1, item: .url, "One public URL of media to attach (useTemplate false)."),
    ] + sendParameters.named(["ContentSid", "ContentVariables", "StatusCallback"])

    static let useTemplate = ParameterSpec(
        "useTemplate", .boolean, default: false,
        "true sends the Content template ContentSid (needed outside the 24-hour session); false sends Body as free text.")

    /// How long the action waits for WhatsApp's answer before it reports the message.
    static let statusWaitSeconds = ParameterSpec(
        "StatusWaitSeconds", .number(0...30), default: 5,
        "Seconds to wait for WhatsApp to take or refuse the message (0 answers at once with status queued); a refusal such as 63016 (outside the 24-hour window) then comes back as success false.")

    static let sendWhatsAppMessage = CoreAction(
        "sendWhatsAppMessage", title: "Send WhatsApp Message",
        summary: "Send a WhatsApp message: free text (with optional media), or a Content template with its variables.",
        parameters: whatsAppAddresses.specs() + [useTemplate] + whatsAppContent.specs() + [trackStatus, statusWaitSeconds],
        rules: [.requires("ContentVariables", ["ContentSid"])]
    ) { input, context throws(ActionFailure) in
        var checks = ValueChecks()
        var parameters = tracked((whatsAppAddresses + whatsAppContent).request(input, from: blankMessage), input, context)
        parameters.to = whatsAppAddress(parameters.to, parameter: "To", checks: &checks)
        parameters.from = whatsAppAddress(try input.required("From"), parameter: "From", checks: &checks)
        if input.bool("useTemplate") == true {
            checks.expect(input.has("ContentSid"), "ContentSid", "is required when {useTemplate} is true", kind: .combination)
            checks.expect(!input.has("Body"), "Body", "is not allowed when {useTemplate} is true: the template holds the text", kind: .combination)
            checks.expect(!input.has("MediaUrl"), "MediaUrl", "is not allowed when {useTemplate} is true: the template holds the media", kind: .combination)
            for (name, value) in (input.object("ContentVariables") ?? [:]).sorted(by: { $0.key < $1.key }) {
                if case .string = value { continue }
                checks.report("ContentVariables", "must map each variable to a string; \"\(name)\" is not one", value: value.compactText)
            }
        } else {
            checks.expect(input.has("Body") || input.has("MediaUrl"), "Body", "is required when {useTemplate} is false (unless {MediaUrl} is given)", kind: .combination)
            checks.expect(!input.has("ContentSid"), "ContentSid", "is only used when {useTemplate} is true", kind: .combination)
        }
        try checks.finish()
        let advice = WhatsAppFailureAdvice(to: parameters.to, from: parameters.from ?? "", contentSid: parameters.contentSid)
        let created: Message
        do throws(TwilioError) { created = try await context.client.messages.create(parameters) } catch { throw .twilio(advised(error, advice)) }
        let wait = MessageStatusWait(limit: .milliseconds(Int64((input.double("StatusWaitSeconds") ?? 0) * 1000)))
        let message = await wait.settle(created, using: context.client)
        if let status = message.status, status == .failed || status == .undelivered {
            throw .messageFailed(MessageDeliveryFailure(sid: message.sid ?? "", status: status, errorCode: message.errorCode,
                                                        errorMessage: message.errorMessage, advice: advice.sentence(for: message.errorCode)))
        }
        return message
    }

    /// `error` with `advice`'s sentence for its code after Twilio's message.
    private static func advised(_ error: TwilioError, _ advice: WhatsAppFailureAdvice) -> TwilioError {
        guard let sentence = advice.sentence(for: error.code) else { return error }
        var error = error
        error.message = error.message.trimmingCharacters(in: CharacterSet(charactersIn: ". ")) + ". " + sentence
        return error
    }

    /// `address` with the `whatsapp:` prefix (added when missing); an issue unless it is a WhatsApp number.
    static func whatsAppAddress(_ address: String, parameter: String, checks: inout ValueChecks) -> String {
        let prefixed = address.lowercased().hasPrefix("whatsapp:") ? address : "whatsapp:" + address
        guard case .whatsApp(let number)? = try? ChannelAddress(prefixed) else {
            checks.report(parameter, "must be a WhatsApp number such as +14155550100 or whatsapp:+14155550100", value: address)
            return prefixed
        }
        return "whatsapp:\(number)"
    }
}
