import Foundation
import TwilioKit

extension CallSimulator {
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
        await environment.eventStreams.callProgressed(event.rawValue, parameters: parameters, url: url, method: call.statusCallbackMethod)
    }
}
