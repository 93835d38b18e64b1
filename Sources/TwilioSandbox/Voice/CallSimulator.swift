import Foundation
import TwilioKit

/// Twilio's voice behaviour: validation on create (with the test-credential magic numbers), the
/// call lifecycle decided by the simulated handset (queued → ringing → in-progress → completed,
/// or busy / no-answer / failed), signed status callbacks per `StatusCallbackEvent`, and the
/// call's TwiML run by ``TwiMLExecutor`` once it is answered.
struct CallSimulator: Sendable {
    let configuration: SandboxConfiguration
    let numbers: PhoneNumbersFacade
    let applications: ApplicationsFacade
    let voice: VoiceState
    let handsets: HandsetDirectory
    let webhooks: WebhookDispatcher
    let mediaStreams: any MediaStreamBridge
    let background: BackgroundWork
    let clock: VoiceClock

    init(configuration: SandboxConfiguration, numbers: PhoneNumbersFacade, applications: ApplicationsFacade, voice: VoiceState,
         handsets: HandsetDirectory, webhooks: WebhookDispatcher, mediaStreams: any MediaStreamBridge, background: BackgroundWork) {
        self.configuration = configuration
        self.numbers = numbers
        self.applications = applications
        self.voice = voice
        self.handsets = handsets
        self.webhooks = webhooks
        self.mediaStreams = mediaStreams
        self.background = background
        clock = VoiceClock(statusStep: configuration.statusStep)
    }

    /// Simulated seconds a handset rings before it is picked up.
    static let ringSeconds = 2

    /// The test-credential numbers Twilio documents for calls, used as `To`.
    static let magicToErrors: [String: SandboxError] = [
        "+15005550001": SandboxError(.badRequest, code: 21217, "Phone number does not appear to be valid: +15005550001"),
        "+15005550002": SandboxError(.badRequest, code: 21214, "'To' phone number cannot be reached: +15005550002"),
        "+15005550003": SandboxError(.badRequest, code: 21215, "Account not authorized to call +15005550003. Perhaps you need to enable some international permissions: https://www.twilio.com/console/voice/calls/geo-permissions/low-risk"),
        "+15005550004": SandboxError(.badRequest, code: 21216, "Account not allowed to call +15005550004: it is blocked by Twilio's blocklist"),
    ]

    /// The test-credential caller ID that is always valid.
    static let magicValidFrom = "+15005550006"
    /// The test-credential caller ID that is always invalid (21212).
    static let magicInvalidFrom = "+15005550001"

    // MARK: Create

    /// Validates a CreateCall form as Twilio does and queues the call.
    func create(_ form: FormParameters, accountSID: String, apiOrigin: String) async throws(SandboxError) -> CallRecord {
        let application: ApplicationRecord? = if let sid = form.first("ApplicationSid") {
            try await Self.application(sid, accountSID: accountSID, in: applications)
        } else { nil }
        let request = try CallCreateRequest(form, application: application)
        try Self.validateCallee(request.to)
        let owned = try await validateCaller(request.from, accountSID: accountSID)
        let now = Date()
        let call = CallRecord(
            sid: SID.make("CA"), accountSID: accountSID, parentCallSID: nil, to: request.to, from: request.from,
            phoneNumberSID: owned?.sid, status: "queued", direction: "outbound-api", instructions: request.instructions,
            fallbackURL: request.fallbackURL, fallbackMethod: request.fallbackMethod, statusCallback: request.statusCallback,
            statusCallbackMethod: request.statusCallbackMethod, statusCallbackEvents: request.statusCallbackEvents,
            timeout: request.timeout, timeLimit: request.timeLimit, machineDetection: request.machineDetection,
            answeredBy: nil, forwardedFrom: nil, callerName: nil, recording: request.recording, apiOrigin: apiOrigin,
            dateCreated: now, dateUpdated: now)
        await voice.insert(call)
        await voice.log(call.sid, CallEvent("status", [("status", "queued")]))
        let simulator = self
        background.run { await simulator.place(call.sid) }
        return call
    }

    /// `ApplicationSid`: one of the account's Applications.
    private static func application(_ sid: String, accountSID: String, in applications: ApplicationsFacade) async throws(SandboxError) -> ApplicationRecord {
        guard let application = await applications.application(sid, accountSID: accountSID) else {
            throw SandboxError(.badRequest, code: 21218, "Invalid ApplicationSid: \(sid) is not an Application of this account")
        }
        return application
    }

    /// `To` must be a phone number, `client:` or `sip:` address, and not one of the magic failures.
    private static func validateCallee(_ to: String) throws(SandboxError) {
        if let error = magicToErrors[to] { throw error }
        switch try? ChannelAddress(to) {
        case .phoneNumber?, .client?, .sip?: return
        default: throw SandboxError(.badRequest, code: 21211, "Invalid 'To' Phone Number: \(to)")
        }
    }

    /// `From` must be a number the account owns (or the magic valid caller ID), or a `client:`
    /// identity. Returns the owned number.
    private func validateCaller(_ from: String, accountSID: String) async throws(SandboxError) -> OwnedNumber? {
        let address = try? ChannelAddress(from)
        switch address {
        case .client?: return nil
        case .phoneNumber? where from != Self.magicInvalidFrom: break
        default: throw SandboxError(.badRequest, code: 21212, "Invalid From Number (caller ID): \(from)")
        }
        if let owned = await numbers.owner(of: from), owned.accountSID == accountSID { return owned }
        guard from == Self.magicValidFrom else {
            throw SandboxError(.badRequest, code: 21210, "The source phone number provided, \(from), is not yet verified for your account. You may only make calls from phone numbers that you've verified or purchased from Twilio.")
        }
        return nil
    }

    // MARK: Lifecycle

    /// Dials an outbound call: initiated, then ringing until the handset answers, is busy, fails
    /// or lets it ring out; an answered call runs its TwiML.
    func place(_ sid: String) async {
        guard await pause(configuration.statusStep), let initiated = await voice.transition(sid, { $0.startTime = Date() }) else { return }
        await sendStatusCallback(initiated, event: "initiated", callStatus: "initiated")
        guard await pause(configuration.statusStep) else { return }
        let outcome = handsets.callOutcome(for: initiated.to)
        switch outcome {
        case .busy, .failed:
            await finishAndNotify(sid, status: outcome == .busy ? "busy" : "failed")
            return
        case .human, .machine, .noAnswer:
            break
        }
        guard let ringing = await voice.transition(sid, { $0.status = "ringing" }) else { return }
        await voice.log(sid, CallEvent("status", [("status", "ringing")]))
        await sendStatusCallback(ringing, event: "ringing", callStatus: "ringing")
        guard outcome != .noAnswer, ringing.timeout >= Self.ringSeconds else {
            guard (try? await clock.sleep(seconds: Double(ringing.timeout))) != nil else { return }
            await finishAndNotify(sid, status: "no-answer")
            return
        }
        guard (try? await clock.sleep(seconds: Double(Self.ringSeconds))) != nil else { return }
        await answer(sid, by: outcome)
        await runTwiML(sid)
    }

    /// Answers the call, unless it already is (or has ended).
    func answer(_ sid: String, by outcome: HandsetDirectory.CallOutcome = .human) async {
        guard let call = await voice.call(sid), call.answerTime == nil, !call.isFinal else { return }
        let answeredBy: String? = switch (call.machineDetection, outcome) {
        case (nil, _): nil
        case (_, .machine): call.machineDetection == "DetectMessageEnd" ? "machine_end_beep" : "machine_start"
        default: "human"
        }
        guard let answered = await voice.transition(sid, { call in
            call.status = "in-progress"
            call.answerTime = Date()
            call.answeredBy = answeredBy
        }) else { return }
        await voice.log(sid, CallEvent("status", [("status", "in-progress"), ("answered_by", .optional(answeredBy))]))
        await sendStatusCallback(answered, event: "answered", callStatus: "in-progress")
        if let options = answered.recording, let notification = options.notification, notification.events.contains("in-progress") {
            await webhooks.send(notification.url, method: notification.method, parameters: [
                ("AccountSid", answered.accountSID), ("CallSid", sid), ("RecordingSid", options.recordingSID),
                ("RecordingUrl", answered.apiOrigin + "/2010-04-01/Accounts/\(answered.accountSID)/Recordings/\(options.recordingSID)"),
                ("RecordingStatus", "in-progress"), ("RecordingChannels", String(options.channels)),
                ("RecordingStartTime", TwilioDateFormat.rfc2822String(from: answered.answerTime ?? Date())),
                ("RecordingSource", "OutboundAPI"), ("RecordingTrack", options.track),
            ], accountSID: answered.accountSID)
        }
    }

    /// Runs the call's TwiML, then each redirect UpdateCall asks for, and ends the call.
    func runTwiML(_ sid: String) async {
        let executor = TwiMLExecutor(simulator: self, callSID: sid)
        var end = ExecutionEnd.ended
        while let task = await voice.beginExecution(sid, start: { source in Task { await executor.run(source) } }) {
            end = await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
            guard !Task.isCancelled else { return }
            if case .rejected = end { break }
        }
        if case .rejected(let status) = end {
            await finishAndNotify(sid, status: status)
        } else {
            await finishAndNotify(sid, status: "completed")
        }
    }

    /// Ends the call with `status` (unless it has ended already) and posts its `completed` callback.
    func finishAndNotify(_ sid: String, status: String) async {
        guard let call = await voice.finish(sid, status: status) else { return }
        await notifyEnded(call)
    }

    /// Logs the end of `call`, makes its whole-call recording (`Record=true`), and posts the
    /// `completed` status callback.
    func notifyEnded(_ call: CallRecord) async {
        await voice.log(call.sid, CallEvent("status", [("status", .string(call.status)), ("duration", .optional(call.duration))]))
        var extra: [(String, String)] = [("CallDuration", String(call.duration ?? 0))]
        if let options = call.recording, let duration = call.duration {
            if duration > 0 {
                let streamed = await voice.receivedAudio(of: call.sid)
                let recording = await makeRecording(
                    sid: options.recordingSID, of: call, source: "OutboundAPI", seconds: duration, channels: options.channels,
                    track: options.track, startTime: call.answerTime ?? Date(), notification: options.notification,
                    streamedAudio: streamed.isEmpty || options.track == "inbound" ? nil : Data(streamed))
                extra += [("RecordingUrl", recording.mediaURL), ("RecordingSid", recording.sid), ("RecordingDuration", String(duration))]
            } else if let notification = options.notification, notification.events.contains("absent") {
                await webhooks.send(notification.url, method: notification.method, parameters: [
                    ("AccountSid", call.accountSID), ("CallSid", call.sid), ("RecordingSid", options.recordingSID),
                    ("RecordingStatus", "absent"), ("RecordingSource", "OutboundAPI"), ("ErrorCode", "0"),
                ], accountSID: call.accountSID)
            }
        }
        await sendStatusCallback(call, event: "completed", callStatus: call.status, extra: extra)
    }

    /// Posts a call progress event to the call's status callback, if it asked for `event`.
    func sendStatusCallback(_ call: CallRecord, event: String, callStatus: String, extra: [(String, String)] = []) async {
        guard let url = call.statusCallback, call.statusCallbackEvents.contains(event) else { return }
        let sequence = await voice.takeSequenceNumber(call.sid)
        let parameters = call.voiceParameters(callStatus: callStatus) + [
            ("CallbackSource", "call-progress-events"), ("Timestamp", TwilioDateFormat.rfc2822String(from: Date())),
            ("SequenceNumber", String(sequence)),
        ] + extra
        await webhooks.send(url, method: call.statusCallbackMethod, parameters: parameters, accountSID: call.accountSID)
    }

    // MARK: Recordings

    /// Stores a completed recording of `call` and posts its `completed` status callback when asked.
    @discardableResult
    func makeRecording(sid: String = SID.make("RE"), of call: CallRecord, source: String, seconds: Int, channels: Int,
                       track: String, startTime: Date, notification: RecordingNotification?,
                       streamedAudio: Data? = nil) async -> RecordingRecord {
        let now = Date()
        let recording = RecordingRecord(
            sid: sid, accountSID: call.accountSID, callSID: call.sid, source: source, channels: channels, track: track,
            duration: seconds, startTime: startTime, dateCreated: now, dateUpdated: now, status: "completed",
            apiOrigin: call.apiOrigin, streamedAudio: streamedAudio)
        await voice.insert(recording)
        await voice.log(call.sid, CallEvent("recording", [
            ("recording_sid", .string(sid)), ("source", .string(source)), ("duration", .int(seconds)),
            ("media_url", .string(recording.mediaURL)),
        ]))
        if let notification, notification.events.contains("completed") {
            let webhooks = self.webhooks
            background.run {
                await webhooks.send(notification.url, method: notification.method,
                                    parameters: recording.statusCallbackParameters(status: "completed"), accountSID: call.accountSID)
            }
        }
        return recording
    }
}
