import TwilioKit

/// Verify v2: send and check one-time codes, create Verify Services.
enum VerifyActions {
    static let serviceSid = ParameterSpec("ServiceSid", .string(.sid("VA")), required: true, "The Verify Service (VA…).")

    /// The parameters of CreateVerification the connector offers, bound to TwilioKit's fields.
    static let sendParameters: [RequestParameter<VerificationCreateParameters>] = [
        .required("To", \.to, .nonEmpty, "The E.164 phone number (+14155550100), or the email address for the email channel."),
        .choice("Channel", \.channel, among: [.sms, .call, .email, .whatsapp], default: .sms,
                "How the code is sent: sms (default), call, email or whatsapp."),
        .string("Locale", \.locale, .nonEmpty, "The message's language, such as es or pt-BR, instead of the one guessed from the number."),
        .string("CustomFriendlyName", \.customFriendlyName, .maxLength(30), "A name shown in the message instead of the service's."),
        .string("CustomCode", \.customCode, .nonEmpty, "Your own code, 4 to 10 digits (services with custom codes enabled)."),
        .object("ChannelConfiguration", \.channelConfiguration, "The email channel's configuration: from, from_name, template_id, substitutions."),
    ]

    static let sendVerification = CoreAction(
        "sendVerification", title: "Send Verification",
        summary: "Send a one-time code by SMS, voice call, email or WhatsApp through a Verify Service.",
        parameters: [serviceSid] + sendParameters.specs()
    ) { input, context throws(ActionFailure) in
        let service = try input.required("ServiceSid")
        let parameters = sendParameters.request(input, from: VerificationCreateParameters(to: "", channel: .sms))
        var checks = ValueChecks()
        if parameters.channel == .email {
            checks.expect(ValueChecks.isEmailAddress(parameters.to), "To",
                          "must be an email address such as ana@example.com when {Channel} is email", value: parameters.to)
        } else {
            checks.expect(ValueChecks.isPhoneNumber(parameters.to), "To",
                          "must be an E.164 phone number such as +14155550100 when {Channel} is \(parameters.channel.rawValue)",
                          value: parameters.to)
            checks.expect(!input.has("ChannelConfiguration"), "ChannelConfiguration", "is only used when {Channel} is email", kind: .combination)
        }
        if let code = parameters.customCode {
            checks.expect(ValueChecks.isVerificationCode(code), "CustomCode", "must be 4 to 10 digits", value: code)
        }
        try checks.finish()
        return try await twilio { () async throws(TwilioError) in
            try await context.client.verify.createVerification(parameters, serviceSid: service)
        }
    }

    /// The parameters of CreateVerificationCheck the connector offers.
    static let checkParameters: [RequestParameter<VerificationCheckParameters>] = [
        .string("To", \.to, .nonEmpty, "The phone number (E.164) or email address the code was sent to."),
        .string("VerificationSid", \.verificationSid, .sid("VE"), "The verification (VE…), instead of To."),
        .string("Code", \.code, .nonEmpty, required: true, "The code the user entered: 4 to 10 digits."),
    ]

    static let checkVerification = CoreAction(
        "checkVerification", title: "Check Verification",
        summary: "Check the code a user entered; status is approved when it is right.",
        parameters: [serviceSid] + checkParameters.specs(),
        rules: [.exactlyOne(["To", "VerificationSid"])]
    ) { input, context throws(ActionFailure) in
        let service = try input.required("ServiceSid")
        let code = try input.required("Code")
        var checks = ValueChecks()
        checks.expect(ValueChecks.isVerificationCode(code), "Code", "must be 4 to 10 digits", value: code)
        if let to = input.string("To") {
            checks.expect(ValueChecks.isPhoneNumber(to) || ValueChecks.isEmailAddress(to), "To",
                          "must be an E.164 phone number such as +14155550100 or an email address", value: to)
        }
        try checks.finish()
        let parameters = checkParameters.request(input, from: VerificationCheckParameters())
        return try await twilio { () async throws(TwilioError) in
            try await context.client.verify.checkVerification(parameters, serviceSid: service)
        }
    }

    /// The parameters of CreateService the connector offers.
    static let serviceParameters: [RequestParameter<VerifyServiceCreateParameters>] = [
        .required("FriendlyName", \.friendlyName, .maxLength(32), "The name shown in verification messages, up to 32 characters."),
        .integer("CodeLength", \.codeLength, 4...10, "The length of generated codes, 4 to 10 (6 by default)."),
        .boolean("LookupEnabled", \.lookupEnabled, "Look up each number before sending."),
        .boolean("SkipSmsToLandlines", \.skipSmsToLandlines, "Skip SMS to landlines (needs LookupEnabled)."),
        .boolean("DtmfInputRequired", \.dtmfInputRequired, "Ask callers to press a key before the code is read."),
        .string("TtsName", \.ttsName, .nonEmpty, "An alternative text-to-speech voice for calls."),
        .boolean("DoNotShareWarningEnabled", \.doNotShareWarningEnabled, "End SMS with a do-not-share warning."),
        .boolean("CustomCodeEnabled", \.customCodeEnabled, "Allow verifications with your own codes."),
    ]

    static let createVerificationService = CoreAction(
        "createVerificationService", title: "Create Verification Service",
        summary: "Create a Verify Service: the name and code settings verifications are sent with.",
        parameters: serviceParameters.specs()
    ) { input, context throws(ActionFailure) in
        let parameters = serviceParameters.request(input, from: VerifyServiceCreateParameters(friendlyName: ""))
        return try await twilio { () async throws(TwilioError) in try await context.client.verify.createService(parameters) }
    }
}
