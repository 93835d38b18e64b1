import Foundation
import TwilioKit

/// Twilio's voice behaviour: validation on create (with the test-credential magic numbers), each
/// call moved through its ``CallLifecycle`` as the simulated handset decides (queued → ringing →
/// in-progress → completed, or busy / no-answer / failed), signed status callbacks per
/// `StatusCallbackEvent`, and the call's TwiML run by ``TwiMLExecutor`` once it is answered.
/// Inbound calls (`+Inbound`) and UpdateCall (`+Update`) live beside it.
struct CallSimulator: Sendable {
    let environment: SimulationEnvironment
    let calls: VoiceState
    let recordings: ResourceStore<RecordingRecord>
    let phoneNumbers: PhoneNumbersFacade
    let applications: ApplicationsFacade
    let mediaStreams: any MediaStreamBridge
    let clock: VoiceClock

    /// A simulator wired with `environment`, storing calls in `calls` and recordings in
    /// `recordings`; calls go from and to `phoneNumbers`, may run one of `applications`, and
    /// `<Connect><Stream>` goes through `mediaStreams`.
    init(environment: SimulationEnvironment, calls: VoiceState, recordings: ResourceStore<RecordingRecord>,
         phoneNumbers: PhoneNumbersFacade, applications: ApplicationsFacade, mediaStreams: any MediaStreamBridge) {
        self.environment = environment
        self.calls = calls
        self.recordings = recordings
        self.phoneNumbers = phoneNumbers
        self.applications = applications
        self.mediaStreams = mediaStreams
        clock = VoiceClock(statusStep: environment.statusStep)
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
            try await ownedApplication(sid, accountSID: accountSID)
        } else { nil }
        let request = try CallCreateRequest(form, application: application)
        try Self.validateCallee(request.to)
        let owned = try await validateCaller(request.from, accountSID: accountSID)
        let now = Date()
        let call = CallRecord(
            sid: SID.make("CA"), accountSID: accountSID, parentCallSID: nil, to: request.to, from: request.from,
            phoneNumberSID: owned?.sid, status: .queued, direction: .outboundAPI, instructions: request.instructions,
            fallbackURL: request.fallbackURL, fallbackMethod: request.fallbackMethod, statusCallback: request.statusCallback,
            statusCallbackMethod: request.statusCallbackMethod, statusCallbackEvents: request.statusCallbackEvents,
            timeout: request.timeout, timeLimit: request.timeLimit, machineDetection: request.machineDetection,
            answeredBy: nil, forwardedFrom: nil, callerName: nil, recording: request.recording, apiOrigin: apiOrigin,
            dateCreated: now, dateUpdated: now)
        await calls.insert(call)
        await calls.log(call.sid, .status(of: call))
        let simulator = self
        environment.background.run { await simulator.place(call.sid) }
        return call
    }

    /// `ApplicationSid`: one of the account's Applications (21218).
    private func ownedApplication(_ sid: String, accountSID: String) async throws(SandboxError) -> ApplicationRecord {
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
        if let owned = await phoneNumbers.owner(of: from), owned.accountSID == accountSID { return owned }
        guard from == Self.magicValidFrom else {
            throw SandboxError(.badRequest, code: 21210, "The source phone number provided, \(from), is not yet verified for your account. You may only make calls from phone numbers that you've verified or purchased from Twilio.")
        }
        return nil
    }

    // MARK: Lifecycle

    /// Dials an outbound call: initiated, then ringing until the handset answers, is busy, fails
    /// or lets it ring out; an answered call runs its TwiML.
    func place(_ sid: String) async {
        guard await pause(environment.statusStep), let dialing = await move(sid, .dialing) else { return }
        guard await pause(environment.statusStep) else { return }
        let outcome = environment.handsets.callOutcome(for: dialing.to)
        switch outcome {
        case .busy:
            await move(sid, .ended(.busy))
            return
        case .failed:
            await move(sid, .ended(.unreachable))
            return
        case .human, .machine, .noAnswer:
            break
        }
        guard let ringing = await move(sid, .ringing) else { return }
        guard outcome != .noAnswer, ringing.timeout >= Self.ringSeconds else {
            guard (try? await clock.sleep(seconds: Double(ringing.timeout))) != nil else { return }
            await move(sid, .ended(.notAnswered))
            return
        }
        guard (try? await clock.sleep(seconds: Double(Self.ringSeconds))) != nil else { return }
        await answer(sid, by: outcome)
        await runTwiML(sid)
    }

    /// Answers the call (as machine detection reports `outcome`), unless it already is or has ended.
    func answer(_ sid: String, by outcome: HandsetDirectory.CallOutcome = .human) async {
        guard let call = await calls.call(sid) else { return }
        let answeredBy: String? = switch (call.machineDetection, outcome) {
        case (nil, _): nil
        case (_, .machine): call.machineDetection == "DetectMessageEnd" ? "machine_end_beep" : "machine_start"
        default: "human"
        }
        await move(sid, .answered(answeredBy: answeredBy))
    }

    /// Runs the call's TwiML, then each redirect UpdateCall asks for, and ends the call.
    func runTwiML(_ sid: String) async {
        let executor = TwiMLExecutor(simulator: self, callSID: sid)
        var end = ExecutionEnd.ended
        while let task = await calls.beginExecution(sid, start: { source in Task { await executor.run(source) } }) {
            end = await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
            guard !Task.isCancelled else { return }
            if case .rejected = end { break }
        }
        if case .rejected(let reason) = end {
            await move(sid, .ended(.rejected(reason)))
        } else {
            await move(sid, .ended(.instructionsOver))
        }
    }

    /// Hands `event` to the call's lifecycle and does what the transition calls for. Returns the
    /// call as it moved on, `nil` when the event did not apply.
    @discardableResult
    func move(_ sid: String, _ event: CallLifecycle.Event) async -> CallRecord? {
        guard let moved = await calls.handle(sid, event) else { return nil }
        await perform(moved.action, on: moved.call)
        return moved.call
    }

    /// Does what a transition of `call` calls for: logs its new status, posts the progress event
    /// its status callback asked for, and tells its recording.
    func perform(_ action: CallLifecycle.Action, on call: CallRecord) async {
        switch action {
        case .ignore:
            return
        case .startDialing:
            await sendStatusCallback(call, event: .initiated)
        case .ring:
            await calls.log(call.sid, .status(of: call))
            await sendStatusCallback(call, event: .ringing)
        case .answer:
            await calls.log(call.sid, .status(of: call))
            await sendStatusCallback(call, event: .answered)
            await notifyRecordingStarted(call)
        case .end:
            await notifyEnded(call)
        }
    }

    /// Logs the end of `call`, makes its whole-call recording (`Record=true`), and posts the
    /// `completed` status callback.
    private func notifyEnded(_ call: CallRecord) async {
        await calls.log(call.sid, .status(of: call))
        var extra: [(String, String)] = [("CallDuration", String(call.duration ?? 0))]
        if let options = call.recording, let duration = call.duration {
            if duration > 0 {
                let streamed = await calls.receivedAudio(of: call.sid)
                let recording = await makeRecording(
                    sid: options.recordingSID, of: call, source: .outboundAPI, seconds: duration, channels: options.channels,
                    track: options.track, startTime: call.answerTime ?? Date(), notification: options.notification,
                    streamedAudio: streamed.isEmpty || options.track == "inbound" ? nil : Data(streamed))
                extra += [("RecordingUrl", recording.mediaURL), ("RecordingSid", recording.sid), ("RecordingDuration", String(duration))]
            } else if let notification = options.notification, notification.events.contains(.absent) {
                await environment.webhooks.send(notification.url, method: notification.method, parameters: [
                    ("AccountSid", call.accountSID), ("CallSid", call.sid), ("RecordingSid", options.recordingSID),
                    ("RecordingStatus", RecordingStatus.absent.rawValue), ("RecordingSource", RecordingSource.outboundAPI.rawValue),
                    ("ErrorCode", "0"),
                ], accountSID: call.accountSID)
            }
        }
        await sendStatusCallback(call, event: .completed, extra: extra)
    }

    /// Tells the whole-call recording's callback (`Record=true`) that it started, if it asked.
    private func notifyRecordingStarted(_ call: CallRecord) async {
        guard let options = call.recording, let notification = options.notification, notification.events.contains(.inProgress) else { return }
        await environment.webhooks.send(notification.url, method: notification.method, parameters: [
            ("AccountSid", call.accountSID), ("CallSid", call.sid), ("RecordingSid", options.recordingSID),
            ("RecordingUrl", call.apiOrigin + "/2010-04-01/Accounts/\(call.accountSID)/Recordings/\(options.recordingSID)"),
            ("RecordingStatus", RecordingStatus.inProgress.rawValue), ("RecordingChannels", String(options.channels)),
            ("RecordingStartTime", TwilioDateFormat.rfc2822String(from: call.answerTime ?? Date())),
            ("RecordingSource", RecordingSource.outboundAPI.rawValue), ("RecordingTrack", options.track),
        ], accountSID: call.accountSID)
    }

    /// Posts the progress `event` to the call's status callback, if it asked for it. `CallStatus`
    /// is the call's status, but `initiated` for the `initiated` event, as Twilio posts it.
    private func sendStatusCallback(_ call: CallRecord, event: CallCreateParameters.StatusCallbackEvent,
                                    extra: [(String, String)] = []) async {
        guard let url = call.statusCallback, call.asksFor(event) else { return }
        let sequence = await calls.takeSequenceNumber(call.sid)
        let callStatus = event == .initiated ? event.rawValue : call.status.rawValue
        let parameters = call.voiceParameters(callStatus: callStatus) + [
            ("CallbackSource", "call-progress-events"), ("Timestamp", TwilioDateFormat.rfc2822String(from: Date())),
            ("SequenceNumber", String(sequence)),
        ] + extra
        await environment.webhooks.send(url, method: call.statusCallbackMethod, parameters: parameters, accountSID: call.accountSID)
    }

    // MARK: Recordings

    /// Stores a completed recording of `call` and posts its `completed` status callback when asked.
    @discardableResult
    func makeRecording(sid: String = SID.make("RE"), of call: CallRecord, source: RecordingSource, seconds: Int, channels: Int,
                       track: String, startTime: Date, notification: RecordingNotification?,
                       streamedAudio: Data? = nil) async -> RecordingRecord {
        let now = Date()
        let recording = RecordingRecord(
            sid: sid, accountSID: call.accountSID, callSID: call.sid, source: source, channels: channels, track: track,
            duration: seconds, startTime: startTime, dateCreated: now, dateUpdated: now, status: .completed,
            apiOrigin: call.apiOrigin, streamedAudio: streamedAudio)
        await recordings.save(recording)
        await calls.log(call.sid, CallEvent("recording", [
            ("recording_sid", .string(sid)), ("source", .string(source.rawValue)), ("duration", .int(seconds)),
            ("media_url", .string(recording.mediaURL)),
        ]))
        if let notification, notification.events.contains(.completed) {
            let webhooks = environment.webhooks
            environment.background.run {
                await webhooks.send(notification.url, method: notification.method,
                                    parameters: recording.statusCallbackParameters, accountSID: call.accountSID)
            }
        }
        return recording
    }
}
