import Foundation
import TwilioKit

/// Twilio's voice behaviour: validation on create (with the test-credential magic numbers), each
/// call moved through its ``CallLifecycle`` as the simulated handset decides (queued → ringing →
/// in-progress → completed, or busy / no-answer / failed), signed status callbacks per
/// `StatusCallbackEvent`, and the call's TwiML run by ``TwiMLExecutor`` once it is answered.
/// The lifecycle (`+Lifecycle`), recordings (`+Recordings`), inbound calls (`+Inbound`) and
/// UpdateCall (`+Update`) live beside it.
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
}
