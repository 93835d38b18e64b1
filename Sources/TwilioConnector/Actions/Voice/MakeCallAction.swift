import TwilioKit

/// Voice actions: place, fetch, list and delete calls; download recordings.
enum VoiceActions {
    static let httpMethods = ["GET", "POST"]

    /// What Twilio does once the call connects: exactly one of `Say`, `Twiml`, `Url`, `ApplicationSid`.
    static let instructionParameters: [ParameterSpec] = [
        .init("Say", .string(.maxLength(4000)), "Text to speak when the call is answered (text-to-speech)."),
        .init("Voice", .string(.nonEmpty), "The voice for Say: man, woman, Polly.Joanna, Google.en-US-Standard-C, …"),
        .init("Language", .string(.nonEmpty), "The language for Say, such as en-US, en-GB or fr-FR."),
        .init("Twiml", .string(.maxLength(4000)), "TwiML to run when the call is answered: <Response><Say>Hi</Say></Response>."),
        .init("Url", .string(.url), "A URL that answers the TwiML to run."),
        .init("Method", .choice(httpMethods), "How Url is requested (POST by default)."),
        .init("ApplicationSid", .string(.sid("AP")), "A TwiML App (AP…) that handles the call."),
    ]

    static let callbackParameters: [ParameterSpec] = [
        .init("StatusCallback", .string(.url), "Where Twilio posts the call's progress events."),
        .init("StatusCallbackEvent", .choiceList(CallCreateParameters.StatusCallbackEvent.allCases.map(\.rawValue)),
              "The events posted to StatusCallback (completed only by default)."),
        .init("StatusCallbackMethod", .choice(httpMethods), "How StatusCallback is requested (POST by default)."),
        .init("FallbackUrl", .string(.url), "Requested when Url fails or answers invalid TwiML."),
        .init("Timeout", .integer(1...600), "Seconds to let the phone ring before giving up (60 by default)."),
        .init("TimeLimit", .integer(1...14_400), "The longest the call may last, in seconds (4 hours by default)."),
        .init("SendDigits", .string(.maxLength(32)), "Keys to press once connected: 0–9, A–D, #, *, w (half a second) and W (one second)."),
        .init("CallerId", .string(.nonEmpty), "The caller ID shown for SIP and Client calls."),
    ]

    static let recordingParameters: [ParameterSpec] = [
        .init("Record", .boolean, "Record the call."),
        .init("RecordingChannels", .choice(["mono", "dual"]), "Both legs in one channel (mono) or one each (dual)."),
        .init("RecordingStatusCallback", .string(.url), "Where Twilio posts the recording's status events."),
        .init("RecordingStatusCallbackEvent", .choiceList(CallCreateParameters.RecordingStatusCallbackEvent.allCases.map(\.rawValue)),
              "The events posted to RecordingStatusCallback (completed only by default)."),
        .init("RecordingTrack", .choice(["inbound", "outbound", "both"]), "Which audio is recorded (both by default)."),
        .init("Trim", .choice(["trim-silence", "do-not-trim"]), "Whether leading and trailing silence is trimmed."),
        .init("MachineDetection", .choice(["Enable", "DetectMessageEnd"]),
              "Detect a human or an answering machine (Enable), or wait for the machine's greeting to end (DetectMessageEnd)."),
        .init("MachineDetectionTimeout", .integer(3...59), "Seconds machine detection may take (30 by default)."),
        .init("AsyncAmd", .boolean, "Run machine detection in the background instead of holding the call."),
        .init("AsyncAmdStatusCallback", .string(.url), "Where the background machine detection result is posted."),
    ]

    static let makeCall = CoreAction(
        "makeCall", title: "Make Outbound Call",
        summary: "Place a call that speaks text, runs TwiML, runs the TwiML of a URL or hands the call to an Application.",
        parameters: [
            .init("To", .string(.address), required: true, "The callee: an E.164 number, client:alice or sip:alice@example.com."),
            .init("From", .string(.address), required: true, "The caller ID: a Twilio number or verified caller ID (E.164), or client:…"),
        ] + instructionParameters + callbackParameters + recordingParameters,
        rules: [
            .exactlyOne(["Say", "Twiml", "Url", "ApplicationSid"]),
            .requires("Voice", ["Say"]), .requires("Language", ["Say"]), .requires("Method", ["Url"]),
            .requires("StatusCallbackEvent", ["StatusCallback"]), .requires("StatusCallbackMethod", ["StatusCallback"]),
            .requires("RecordingStatusCallbackEvent", ["RecordingStatusCallback"]),
            .requires("MachineDetectionTimeout", ["MachineDetection"]), .requires("AsyncAmd", ["MachineDetection"]),
            .requires("AsyncAmdStatusCallback", ["AsyncAmd"]),
        ]
    ) { input, context throws(ActionFailure) in
        var checks = ValueChecks()
        let instructions = instructions(input, checks: &checks)
        if let digits = input.string("SendDigits") {
            checks.expect(digits.allSatisfy { "0123456789ABCDabcd#*wW".contains($0) }, "SendDigits",
                          "may only hold 0–9, A–D, #, *, w and W", value: digits)
        }
        try checks.finish()
        let parameters = createParameters(input, instructions: instructions)
        return .call(try await twilio { () async throws(TwilioError) in try await context.client.calls.create(parameters) })
    }

    /// The call's instructions; `Say` becomes `<Response><Say>…</Say></Response>` (escaped), `Twiml` must parse.
    static func instructions(_ input: ActionInput, checks: inout ValueChecks) -> CallInstructions {
        if let text = input.string("Say") {
            let say = TwiML.Say(text, voice: input.string("Voice") ?? "man", language: input.string("Language") ?? "en-US")
            let twiml = VoiceResponse([.say(say)]).xml()
            checks.expect(twiml.count <= 4000, "Say", "makes TwiML of \(twiml.count) characters; at most 4000 are allowed")
            return .twiml(twiml)
        }
        if let twiml = input.string("Twiml") {
            do { _ = try VoiceResponse(xml: twiml) } catch {
                checks.report("Twiml", "must be a voice TwiML document <Response>…</Response>: \(error)", value: twiml)
            }
            return .twiml(twiml)
        }
        if let url = input.string("Url") {
            return .url(url, method: httpMethod(input, "Method"))
        }
        return .application(sid: input.string("ApplicationSid") ?? "")
    }

    /// The HTTP method parameter `name`, if given.
    static func httpMethod(_ input: ActionInput, _ name: String) -> HTTPMethod? {
        input.string(name).flatMap(HTTPMethod.init(rawValue:))
    }

    /// TwilioKit's parameters from validated input.
    static func createParameters(_ input: ActionInput, instructions: CallInstructions) -> CallCreateParameters {
        typealias Create = CallCreateParameters
        return CallCreateParameters(
            to: input.string("To") ?? "", from: input.string("From") ?? "", instructions: instructions,
            fallbackURL: input.string("FallbackUrl"), statusCallback: input.string("StatusCallback"),
            statusCallbackEvents: input.strings("StatusCallbackEvent").compactMap(Create.StatusCallbackEvent.init(rawValue:)),
            statusCallbackMethod: httpMethod(input, "StatusCallbackMethod"), sendDigits: input.string("SendDigits"),
            timeout: input.int("Timeout"), record: input.bool("Record"),
            recordingChannels: input.string("RecordingChannels").flatMap(Create.RecordingChannels.init(rawValue:)),
            recordingStatusCallback: input.string("RecordingStatusCallback"),
            machineDetection: input.string("MachineDetection").flatMap(Create.MachineDetection.init(rawValue:)),
            machineDetectionTimeout: input.int("MachineDetectionTimeout"),
            recordingStatusCallbackEvents: input.strings("RecordingStatusCallbackEvent").compactMap(Create.RecordingStatusCallbackEvent.init(rawValue:)),
            trim: input.string("Trim").flatMap(Create.Trim.init(rawValue:)), callerID: input.string("CallerId"),
            asyncAMD: input.bool("AsyncAmd"), asyncAMDStatusCallback: input.string("AsyncAmdStatusCallback"),
            recordingTrack: input.string("RecordingTrack").flatMap(Create.RecordingTrack.init(rawValue:)),
            timeLimit: input.int("TimeLimit"))
    }
}
