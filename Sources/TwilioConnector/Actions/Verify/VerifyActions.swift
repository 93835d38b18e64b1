import TwilioKit

/// Verify v2: send and check one-time codes, create Verify Services.
enum VerifyActions {
    static let serviceSid = ParameterSpec("ServiceSid", .string(.sid("VA")), required: true, "The Verify Service (VA…).")
    static let channels = ["sms", "call", "email", "whatsapp"]

    static let sendVerification = CoreAction(
        "sendVerification", title: "Send Verification",
        summary: "Send a one-time code by SMS, voice call, email or WhatsApp through a Verify Service.",
        parameters: [
            serviceSid,
            .init("To", .string(.nonEmpty), required: true, "The E.164 phone number (+14155550100), or the email address for the email channel."),
            .init("Channel", .choice(channels), default: "sms", "How the code is sent: sms (default), call, email or whatsapp."),
            .init("Locale", .string(.nonEmpty), "The message's language, such as es or pt-BR, instead of the one guessed from the number."),
            .init("CustomFriendlyName", .string(.maxLength(30)), "A name shown in the message instead of the service's."),
            .init("CustomCode", .string(.nonEmpty), "Your own code, 4 to 10 digits (services with custom codes enabled)."),
            .init("ChannelConfiguration", .object, "The email channel's configuration: from, from_name, template_id, substitutions."),
        ]
    ) { input, context throws(ActionFailure) in
        let to = input.string("To") ?? ""
        let channel = input.string("Channel").flatMap(VerificationCreateParameters.Channel.init(rawValue:)) ?? .sms
        var checks = ValueChecks()
        if channel == .email {
            checks.expect(ValueChecks.isEmailAddress(to), "To", "must be an email address such as ana@example.com when {Channel} is email", value: to)
        } else {
            checks.expect(ValueChecks.isPhoneNumber(to), "To", "must be an E.164 phone number such as +14155550100 when {Channel} is \(channel.rawValue)", value: to)
            checks.expect(!input.has("ChannelConfiguration"), "ChannelConfiguration", "is only used when {Channel} is email")
        }
        if let code = input.string("CustomCode") {
            checks.expect(ValueChecks.isVerificationCode(code), "CustomCode", "must be 4 to 10 digits", value: code)
        }
        try checks.finish()
        let parameters = VerificationCreateParameters(
            to: to, channel: channel, customFriendlyName: input.string("CustomFriendlyName"), locale: input.string("Locale"),
            customCode: input.string("CustomCode"), channelConfiguration: input.values["ChannelConfiguration"]?.objectFields)
        let service = input.string("ServiceSid") ?? ""
        return .verification(try await twilio { () async throws(TwilioError) in
            try await context.client.verify.createVerification(parameters, serviceSid: service)
        })
    }

    static let checkVerification = CoreAction(
        "checkVerification", title: "Check Verification",
        summary: "Check the code a user entered; status is approved when it is right.",
        parameters: [
            serviceSid,
            .init("To", .string(.nonEmpty), "The phone number (E.164) or email address the code was sent to."),
            .init("VerificationSid", .string(.sid("VE")), "The verification (VE…), instead of To."),
            .init("Code", .string(.nonEmpty), required: true, "The code the user entered: 4 to 10 digits."),
        ],
        rules: [.exactlyOne(["To", "VerificationSid"])]
    ) { input, context throws(ActionFailure) in
        let code = input.string("Code") ?? ""
        var checks = ValueChecks()
        checks.expect(ValueChecks.isVerificationCode(code), "Code", "must be 4 to 10 digits", value: code)
        if let to = input.string("To") {
            checks.expect(ValueChecks.isPhoneNumber(to) || ValueChecks.isEmailAddress(to), "To",
                          "must be an E.164 phone number such as +14155550100 or an email address", value: to)
        }
        try checks.finish()
        let parameters = VerificationCheckParameters(code: code, to: input.string("To"), verificationSid: input.string("VerificationSid"))
        let service = input.string("ServiceSid") ?? ""
        return .verificationCheck(try await twilio { () async throws(TwilioError) in
            try await context.client.verify.checkVerification(parameters, serviceSid: service)
        })
    }

    static let createVerificationService = CoreAction(
        "createVerificationService", title: "Create Verification Service",
        summary: "Create a Verify Service: the name and code settings verifications are sent with.",
        parameters: [
            .init("FriendlyName", .string(.maxLength(32)), required: true, "The name shown in verification messages, up to 32 characters."),
            .init("CodeLength", .integer(4...10), "The length of generated codes, 4 to 10 (6 by default)."),
            .init("LookupEnabled", .boolean, "Look up each number before sending."),
            .init("SkipSmsToLandlines", .boolean, "Skip SMS to landlines (needs LookupEnabled)."),
            .init("DtmfInputRequired", .boolean, "Ask callers to press a key before the code is read."),
            .init("TtsName", .string(.nonEmpty), "An alternative text-to-speech voice for calls."),
            .init("DoNotShareWarningEnabled", .boolean, "End SMS with a do-not-share warning."),
            .init("CustomCodeEnabled", .boolean, "Allow verifications with your own codes."),
        ]
    ) { input, context throws(ActionFailure) in
        let parameters = VerifyServiceCreateParameters(
            friendlyName: input.string("FriendlyName") ?? "", codeLength: input.int("CodeLength"),
            lookupEnabled: input.bool("LookupEnabled"), skipSmsToLandlines: input.bool("SkipSmsToLandlines"),
            dtmfInputRequired: input.bool("DtmfInputRequired"), ttsName: input.string("TtsName"),
            doNotShareWarningEnabled: input.bool("DoNotShareWarningEnabled"), customCodeEnabled: input.bool("CustomCodeEnabled"))
        return .verifyService(try await twilio { () async throws(TwilioError) in try await context.client.verify.createService(parameters) })
    }
}
