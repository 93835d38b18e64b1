import Foundation
import TwilioKit

extension CallSimulator {
    /// A simulated handset calls the owned number `to`: the call arrives `ringing`, the number's
    /// VoiceUrl is requested with VoiceMethod (`CallStatus=ringing`, as Twilio does), and its TwiML
    /// runs; the first verb other than `<Reject>` answers. `digits` are queued for the call's
    /// `<Gather>`s. The number's StatusCallback gets the `completed` event.
    func receive(from handset: String, to: String, digits: [String], forwardedFrom: String?,
                 callerName: String?, apiOrigin: String) async throws(SandboxError) -> CallRecord {
        switch try? ChannelAddress(handset) {
        case .phoneNumber?, .client?, .sip?: break
        default: throw .invalidParameter("From", handset, rule: "must be an E.164 number, client: or sip: address")
        }
        guard let owned = await phoneNumbers.owner(of: to) else {
            throw SandboxError(.badRequest, code: 21606, "\(to) is not a number of this sandbox: provision it first")
        }
        await environment.handsets.queue(digits, .digits, for: handset)
        let settings = await phoneNumbers.settings(of: owned, handledBy: \.voiceApplicationSID)
        let now = Date()
        var call = CallRecord(
            sid: SID.make("CA"), accountSID: owned.accountSID, parentCallSID: nil, to: owned.phoneNumber, from: handset,
            phoneNumberSID: owned.sid, status: .ringing, direction: .inbound,
            instructions: settings.voiceURL.map { .url($0, method: settings.voiceMethod) },
            fallbackURL: settings.voiceFallbackURL, fallbackMethod: settings.voiceFallbackMethod,
            statusCallback: settings.statusCallback, statusCallbackMethod: settings.statusCallbackMethod,
            statusCallbackEvents: [CallCreateParameters.StatusCallbackEvent.completed.rawValue], timeout: 60, timeLimit: 14_400,
            machineDetection: nil, answeredBy: nil, forwardedFrom: forwardedFrom,
            callerName: settings.voiceCallerIDLookup ? (callerName ?? "SANDBOX CALLER") : nil,
            recording: nil, apiOrigin: apiOrigin, dateCreated: now, dateUpdated: now)
        call.startTime = now
        await calls.insert(call)
        await calls.log(call.sid, .status(of: call))
        let simulator = self
        let ringing = call
        environment.background.run { await simulator.runInbound(ringing) }
        return call
    }

    /// Runs an inbound call's TwiML; a number without a VoiceUrl cannot take the call.
    private func runInbound(_ call: CallRecord) async {
        guard call.instructions != nil else {
            await calls.log(call.sid, CallEvent("error", [("code", 11200), ("message", "The number has no VoiceUrl to ask what to do with the call")]))
            await move(call.sid, .ended(.noInstructions))
            return
        }
        await runTwiML(call.sid)
    }
}
