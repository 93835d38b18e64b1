import Foundation
import TwilioKit

extension TwiMLExecutor {
    /// Simulated seconds a dialed party talks before it hangs up.
    static let dialTalkSeconds = 5

    /// How a `<Dial>` went.
    private struct DialResult {
        /// `completed`, `busy`, `no-answer` or `failed` (`DialCallStatus`).
        var status = CallStatus.failed
        var leg: CallRecord?
        var talkSeconds = 0
        var recording: RecordingRecord?
    }

    /// `<Dial>`: the targets ring at once and the first to answer (as its handset decides)
    /// talks for ``dialTalkSeconds``; the dialed leg is stored as a child call (`outbound-dial`,
    /// `parent_call_sid` set). With `record`, the conversation is recorded (source `DialVerb`).
    /// `action` gets `DialCallStatus`, `DialCallSid`, `DialCallDuration`; without one the call
    /// goes on with the next verb.
    func dial(_ dial: TwiML.Dial, in document: Document) async throws -> Step? {
        guard let call = await voice.call(callSID) else { return .end(.ended) }
        let targets = Self.targets(of: dial)
        await log("dial", [("targets", .array(targets.map(SandboxJSON.string))), ("caller_id", .optional(dial.callerId)),
                           ("timeout", .int(dial.timeout)), ("record", .string(dial.record.rawValue))])
        let result = try await placeLeg(to: targets, dial: dial, parent: call)
        await log("dial-ended", [("dial_call_status", .string(result.status.rawValue)), ("dial_call_sid", .optional(result.leg?.sid)),
                                 ("dial_call_duration", .int(result.talkSeconds))])
        guard dial.action != nil, let action = await resolve(dial.action, in: document) else { return nil }
        var parameters: [(String, String)] = [("DialCallStatus", result.status.rawValue), ("DialBridged", result.talkSeconds > 0 ? "true" : "false")]
        if let leg = result.leg {
            parameters += [("DialCallSid", leg.sid), ("DialCallDuration", String(result.talkSeconds))]
        }
        if let recording = result.recording {
            parameters += [("RecordingUrl", recording.mediaURL), ("RecordingSid", recording.sid),
                           ("RecordingDuration", String(recording.duration))]
        }
        return .fetch(.url(action, method: dial.method.rawValue, adding: parameters))
    }

    /// The addresses a `<Dial>` rings: numbers, `client:` identities, SIP URIs.
    private static func targets(of dial: TwiML.Dial) -> [String] {
        switch dial.target {
        case .number(let number):
            return [number]
        case .nouns(let nouns):
            return nouns.map { noun in
                switch noun {
                case .number(let number): number.phoneNumber
                case .client(let client): "client:" + client.identity
                case .sip(let sip): sip.uri
                case .unsupported(let name): "<\(name)>"
                }
            }
        }
    }

    /// Rings `targets` as `dial` says and stores the leg that answered (or the first one tried);
    /// records the conversation when asked.
    private func placeLeg(to targets: [String], dial: TwiML.Dial, parent: CallRecord) async throws -> DialResult {
        let dialable = targets.filter { target in
            switch try? ChannelAddress(target) {
            case .phoneNumber?, .client?, .sip?: true
            default: false
            }
        }
        for invalid in targets where !dialable.contains(invalid) {
            await log("error", [("code", 13223), ("message", .string("Dial: Invalid phone number format: \(invalid)"))])
        }
        guard !dialable.isEmpty else { return DialResult() }
        let outcomes = dialable.map { (address: $0, outcome: simulator.environment.handsets.callOutcome(for: $0)) }
        let startTime = Date()
        var result = DialResult()
        var target = dialable[0]
        if let answered = outcomes.first(where: { $0.outcome == .human || $0.outcome == .machine }) {
            target = answered.address
            result.status = .completed
            result.talkSeconds = min(Self.dialTalkSeconds, dial.timeLimit)
            try await pass(Double(CallSimulator.ringSeconds + result.talkSeconds))
        } else if let unanswered = outcomes.first(where: { $0.outcome == .noAnswer }) {
            target = unanswered.address
            result.status = .noAnswer
            try await pass(Double(dial.timeout))
        } else {
            result.status = outcomes.contains { $0.outcome == .busy } ? .busy : .failed
        }
        let leg = Self.leg(of: parent, to: target, dial: dial, result: result, startTime: startTime)
        await voice.insert(leg)
        await voice.log(leg.sid, .status(of: leg))
        result.leg = leg
        if dial.record != .doNotRecord, result.talkSeconds > 0 {
            let fromRinging = dial.record == .recordFromRinging || dial.record == .recordFromRingingDual
            let dual = dial.record == .recordFromAnswerDual || dial.record == .recordFromRingingDual
            let seconds = result.talkSeconds + (fromRinging ? CallSimulator.ringSeconds : 0)
            result.recording = await simulator.makeRecording(
                of: parent, source: .dialVerb, seconds: seconds, channels: dual ? 2 : 1, track: "both",
                startTime: startTime, notification: nil)
        }
        return result
    }

    /// The child call a `<Dial>` placed, already over.
    private static func leg(of parent: CallRecord, to target: String, dial: TwiML.Dial, result: DialResult, startTime: Date) -> CallRecord {
        let now = Date()
        var leg = CallRecord(
            sid: SID.make("CA"), accountSID: parent.accountSID, parentCallSID: parent.sid, to: target,
            from: dial.callerId ?? parent.from, phoneNumberSID: nil, status: result.status, direction: .outboundDial,
            instructions: nil, statusCallback: nil, statusCallbackEvents: [], timeout: dial.timeout, timeLimit: dial.timeLimit,
            machineDetection: nil, answeredBy: nil, forwardedFrom: nil, callerName: nil, recording: nil,
            apiOrigin: parent.apiOrigin, dateCreated: startTime, dateUpdated: now)
        leg.startTime = startTime
        leg.endTime = now
        if result.status == .completed {
            leg.answerTime = startTime
            leg.talkSeconds = Double(result.talkSeconds)
        }
        return leg
    }

    /// `<Connect>`: each `<Stream>` runs on the simulator's ``MediaStreamBridge`` until it ends; the
    /// time it lasted (the caller's frames sent) counts as call time. A stream that ended with the call (the caller hung
    /// up when their audio was over, or the time limit) ends the TwiML; otherwise `action`, or the
    /// next verb without one.
    func connect(_ connect: TwiML.Connect, in document: Document) async throws -> Step? {
        for noun in connect.nouns {
            switch noun {
            case .stream(let stream):
                guard let call = await voice.call(callSID) else { return .end(.ended) }
                let outcome = await simulator.mediaStreams.run(stream, call: call)
                try Task.checkCancellation()
                await account(outcome.callSeconds)
                await voice.appendReceivedAudio(outcome.audio, to: callSID)
                await log("stream-ended", [
                    ("url", .string(stream.url)), ("reason", .optional(outcome.end?.rawValue)),
                    ("audio_bytes", .int(outcome.audio.count)), ("marks", .array(outcome.marks.map(SandboxJSON.string))),
                    ("events", .array(outcome.events.map(SandboxJSON.string))),
                ])
                switch outcome.end {
                case .audioEnded?:
                    await log("hangup", [("by", "caller")])
                    return .end(.ended)
                case .timeLimit?:
                    throw TimeLimitReached()
                case .callEnded?, .appClosed?, .connectionLost?, .protocolError?, nil:
                    break
                }
            case .unsupported(let name):
                await log("unsupported", [("verb", .string("Connect/\(name)"))])
            }
        }
        guard connect.action != nil, let action = await resolve(connect.action, in: document) else { return nil }
        return .fetch(.url(action, method: connect.method.rawValue))
    }
}
