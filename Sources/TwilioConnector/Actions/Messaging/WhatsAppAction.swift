import TwilioKit

extension MessagingActions {
    static let whatsAppParameters: [ParameterSpec] = [
        .init("To", .string(.address), required: true, "The recipient's WhatsApp number: +14155550100 or whatsapp:+14155550100."),
        .init("From", .string(.address), required: true, "Your WhatsApp sender: +14155550100 or whatsapp:+14155550100."),
        .init("useTemplate", .boolean, default: false,
              "true sends the Content template ContentSid (needed outside the 24-hour session); false sends Body as free text."),
        .init("Body", .string(.maxLength(1600)), "The free text, up to 1600 characters (useTemplate false)."),
        .init("MediaUrl", .stringList(maxCount: 1, item: .url), "One public URL of media to attach (useTemplate false)."),
    ] + sendParameterSpecs(named: ["ContentSid", "ContentVariables", "StatusCallback"])

    static let sendWhatsAppMessage = CoreAction(
        "sendWhatsAppMessage", title: "Send WhatsApp Message",
        summary: "Send a WhatsApp message: free text (with optional media), or a Content template with its variables.",
        parameters: whatsAppParameters, rules: [.requires("ContentVariables", ["ContentSid"])]
    ) { input, context throws(ActionFailure) in
        var checks = ValueChecks()
        let to = whatsAppAddress(input.string("To") ?? "", parameter: "To", checks: &checks)
        let from = whatsAppAddress(input.string("From") ?? "", parameter: "From", checks: &checks)
        if input.bool("useTemplate") == true {
            checks.expect(input.has("ContentSid"), "ContentSid", "is required when {useTemplate} is true")
            checks.expect(!input.has("Body"), "Body", "is not allowed when {useTemplate} is true: the template holds the text")
            checks.expect(!input.has("MediaUrl"), "MediaUrl", "is not allowed when {useTemplate} is true: the template holds the media")
        } else {
            checks.expect(input.has("Body") || input.has("MediaUrl"), "Body", "is required when {useTemplate} is false (unless {MediaUrl} is given)")
            checks.expect(!input.has("ContentSid"), "ContentSid", "is only used when {useTemplate} is true")
        }
        try checks.finish()
        let parameters = MessageCreateParameters(
            to: to, from: from, body: input.string("Body"), mediaURLs: input.strings("MediaUrl"),
            contentSid: input.string("ContentSid"), contentVariables: input.jsonText("ContentVariables"),
            statusCallback: input.string("StatusCallback"))
        return .message(try await twilio { () async throws(TwilioError) in try await context.client.messages.create(parameters) })
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
