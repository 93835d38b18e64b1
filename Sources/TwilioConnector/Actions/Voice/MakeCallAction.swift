import TwilioKit

/// Voice actions: place, fetch, list and delete calls; download recordings.
enum VoiceActions {
    typealias Create = CallCreateParameters

    /// What Twilio does once the call connects: exactly one of `Say`, `Twiml`, `Url`, `ApplicationSid`
    /// (read into ``CallInstructions``, not a field of their own).
    static let instructionParameters: [ParameterSpec] = [
        .init("Say", .string(.maxLength(4000)), "Text to speak when the call is answered (text-to-speech)."),
        .init("Voice", .string(.nonEmpty), "The voice for Say: man, woman, Polly.Joanna, Google.en-US-Standard-C, …"),
        .init("Language", .string(.nonEmpty), "The language for Say, such as en-US, en-GB or fr-FR."),
        .init("Twiml", .string(.maxLength(4000)), "TwiML to run when the call is answered: <Response><Say>Hi</Say></Response>."),
        .init("Url", .string(.url), "A URL that answers the TwiML to run."),
        .init("Method", .choice(requestMethods.map(\.rawValue)), "How Url is requested (POST by default)."),
        .init("ApplicationSid", .string(.sid("AP")), "A TwiML App (AP…) that handles the call."),
    ]

    /// The methods Twilio requests a URL of the caller's with.
    static let requestMethods: [HTTPMethod] = [.get, .post]

    /// Who is called, by whom.
    static let addressParameters: [RequestParameter<Create>] = [
        .required("To", \.to, .recipient, "The callee: an E.164 number, client:alice or sip:alice@example.com."),
        .required("From", \.from, .address, "The caller ID: a Twilio number or verified caller ID (E.164), or client:…"),
    ]

    static let callbackParameters: [RequestParameter<Create>] = [
        .string("StatusCallback", \.statusCallback, .url, "Where Twilio posts the call's progress events."),
        .choices("StatusCallbackEvent", \.statusCallbackEvents, "The events posted to StatusCallback (completed only by default)."),
        .choice("StatusCallbackMethod", \.statusCallbackMethod, among: requestMethods, "How StatusCallback is requested (POST by default)."),
        .string("FallbackUrl", \.fallbackURL, .url, "Requested when Url fails or answers invalid TwiML."),
        .integer("Timeout", \.timeout, 1...600, "Seconds to let the phone ring before giving up (60 by default)."),
        .integer("TimeLimit", \.timeLimit, 1...14_400, "The longest the call may last, in seconds (4 hours by default)."),
        .string("SendDigits", \.sendDigits, .maxLength(32), "Keys to press once connected: 0–9, A–D, #, *, w (half a second) and W (one second)."),
        .string("CallerId", \.callerID, .nonEmpty, "The caller ID shown for SIP and Client calls."),
    ]

    static let recordingParameters: [RequestParameter<Create>] = [
        .boolean("Record", \.record, "Record the call."),
        .choice("RecordingChannels", \.recordingChannels, "Both legs in one channel (mono) or one each (dual)."),
        .string("RecordingStatusCallback", \.recordingStatusCallback, .url, "Where Twilio posts the recording's status events."),
        .choices("RecordingStatusCallbackEvent", \.recordingStatusCallbackEvents,
                 "The events posted to RecordingStatusCallback (completed only by default)."),
        .choice("RecordingTrack", \.recordingTrack, "Which audio is recorded (both by default)."),
        .choice("Trim", \.trim, "Whether leading and trailing silence is trimmed."),
        .choice("MachineDetection", \.machineDetection,
                "Detect a human or an answering machine (Enable), or wait for the machine's greeting to end (DetectMessageEnd)."),
        .integer("MachineDetectionTimeout", \.machineDetectionTimeout, 3...59, "Seconds machine detection may take (30 by default)."),
        .boolean("AsyncAmd", \.asyncAMD, "Run machine detection in the background instead of holding the call."),
        .string("AsyncAmdStatusCallback", \.asyncAMDStatusCallback, .url, "Where the background machine detection result is posted."),
    ]

    /// Every parameter bound to a field of CreateCall.
    static let createParameters = addressParameters + callbackParameters + recordingParameters

    /// The rules across makeCall's parameters, with `sources` the parameters that say what Twilio does once the call connects.
    static func makeCallRules(sources: [String]) -> [CrossRule] {
        [
            .exactlyOne(sources),
            .requires("Voice", ["Say"]), .requires("Language", ["Say"]), .requires("Method", ["Url"]),
            .requires("StatusCallbackEvent", ["StatusCallback"]), .requires("StatusCallbackMethod", ["StatusCallback"]),
            .requires("RecordingStatusCallbackEvent", ["RecordingStatusCallback"]),
            .requires("MachineDetectionTimeout", ["MachineDetection"]), .requires("AsyncAmd", ["MachineDetection"]),
            .requires("AsyncAmdStatusCallback", ["AsyncAmd"]),
        ]
    }

    static let makeCall = CoreAction(
        "makeCall", title: "Make Outbound Call",
        summary: "Place a call that speaks text, runs TwiML, runs the TwiML of a URL or hands the call to an Application.",
        parameters: addressParameters.specs() + instructionParameters + callbackParameters.specs() + recordingParameters.specs(),
        rules: makeCallRules(sources: ["Say", "Twiml", "Url", "ApplicationSid"])
    ) { input, context throws(ActionFailure) in
        var checks = ValueChecks()
        let instructions = instructions(input, checks: &checks)
        checkSendDigits(input, &checks)
        try checks.finish()
        return try await create(input, context, instructions: instructions)
    }

    /// `SendDigits` may only hold keys and pauses.
    static func checkSendDigits(_ input: ActionInput, _ checks: inout ValueChecks) {
        guard let digits = input.string("SendDigits") else { return }
        checks.expect(digits.allSatisfy { "0123456789ABCDabcd#*wW".contains($0) }, "SendDigits",
                      "may only hold 0–9, A–D, #, *, w and W", value: digits)
    }

    /// Places the call with `instructions` and the create parameters given; `adjust` sets what the
    /// caller may not (a real-time call's status callback).
    static func create(_ input: ActionInput, _ context: ActionContext, instructions: CallInstructions,
                       adjust: (inout Create) -> Void = { _ in }) async throws(ActionFailure) -> Call {
        var parameters = createParameters.request(input, from: Create(to: "", from: "", instructions: instructions))
        adjust(&parameters)
        let placed = parameters
        return try await twilio { () async throws(TwilioError) in try await context.client.calls.create(placed) }
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
            return .url(url, method: input.string("Method").flatMap(HTTPMethod.init(rawValue:)))
        }
        if let application = input.string("ApplicationSid") {
            return .application(sid: application)
        }
        checks.report("Say, Twiml, Url, ApplicationSid", "one of these is required", kind: .combination)
        return .twiml("")
    }
}
