import Foundation
import TwilioKit

/// Voice's one entrance: the calls of every account with their event logs and streamed audio,
/// their recordings, and the simulator that places, answers, runs and ends them.
struct VoiceFacade: Sendable {
    private let calls: VoiceState
    private let recordings: ResourceStore<RecordingRecord>
    private let simulator: CallSimulator
    private let handsets: HandsetDirectory
    private let connectedStreams = ConnectedStreams()

    /// Voice with the calls and recordings `store` kept, its simulator wired with `environment`;
    /// calls go from and to `phoneNumbers` and may run one of `applications`; `<Connect><Stream>`
    /// streams `mediaStreamAudio` as the caller's side.
    init(environment: SimulationEnvironment, store: SandboxStore?, phoneNumbers: PhoneNumbersFacade,
         applications: ApplicationsFacade, mediaStreamAudio: MediaStreamAudio) throws {
        calls = try VoiceState(store: store)
        recordings = try ResourceStore(store: store)
        handsets = environment.handsets
        let mediaStreams = WebSocketMediaStreamBridge(
            audio: mediaStreamAudio, pace: .realTime(frameInterval: mediaStreamAudio.frameInterval), voice: calls,
            handsets: environment.handsets, webhooks: environment.webhooks, connectedStreams: connectedStreams,
            logger: environment.logger)
        simulator = CallSimulator(environment: environment, calls: calls, recordings: recordings, phoneNumbers: phoneNumbers,
                                  applications: applications, mediaStreams: mediaStreams)
    }

    // MARK: Calls

    /// CreateCall: validated as Twilio validates it, then placed in the background. `apiOrigin`
    /// is where the API was reached, the base of the URLs the call's webhooks carry.
    func create(_ form: FormParameters, accountSID: String, apiOrigin: String) async throws(SandboxError) -> CallRecord {
        try await simulator.create(form, accountSID: accountSID, apiOrigin: apiOrigin)
    }

    /// The call `sid` of `accountSID`.
    func call(_ sid: String, accountSID: String) async -> CallRecord? {
        await calls.call(sid, accountSID: accountSID)
    }

    /// The account's calls that `query` admits, newest first.
    func list(accountSID: String, _ query: CallQuery = CallQuery()) async -> [CallRecord] {
        await calls.list(accountSID: accountSID, query)
    }

    /// UpdateCall: hangs up, cancels or redirects a call, or changes its callbacks and time limit.
    func update(_ sid: String, form: FormParameters, accountSID: String) async throws(SandboxError) -> CallRecord {
        try await simulator.update(sid, form: form, accountSID: accountSID)
    }

    /// DeleteCall: an ended call goes with its event log; a live one cannot (20009).
    func delete(_ call: CallRecord) async throws(SandboxError) {
        guard call.isFinal else {
            throw SandboxError(.badRequest, code: 20009, "Cannot delete this resource before it is complete: the call is \(call.status.rawValue)")
        }
        await calls.delete(call.sid, accountSID: call.accountSID)
    }

    /// A simulated handset calls an owned number; see
    /// ``CallSimulator/receive(from:to:digits:forwardedFrom:callerName:apiOrigin:)``.
    func receive(from handset: String, to: String, digits: [String], forwardedFrom: String?,
                 callerName: String?, apiOrigin: String) async throws(SandboxError) -> CallRecord {
        try await simulator.receive(from: handset, to: to, digits: digits, forwardedFrom: forwardedFrom,
                                    callerName: callerName, apiOrigin: apiOrigin)
    }

    /// The handset on live `call` presses `digits`: they go to the stream connected to the call,
    /// or wait for its next `<Gather>` or stream. Logged in the call's events (`keys-pressed`).
    func press(_ digits: String, on call: CallRecord) async throws(SandboxError) -> KeyPressDelivery {
        guard !call.isFinal else {
            throw SandboxError(.badRequest, code: 21220, "Call is not in-progress. Cannot press digits: the call is \(call.status.rawValue)")
        }
        let delivery: KeyPressDelivery
        if let streamSID = await connectedStreams.press(digits, on: call.sid) {
            delivery = .stream(sid: streamSID)
        } else {
            await handsets.queue([digits], .digits, for: call.handset)
            delivery = .queued
        }
        await calls.log(call.sid, CallEvent("keys-pressed", [("digits", .string(digits)), ("delivery", .string(delivery.name)),
                                                            ("stream_sid", .optional(delivery.streamSID))]))
        return delivery
    }

    /// The log of call `sid`, oldest first.
    func events(of sid: String) async -> [CallEvent] {
        await calls.events(of: sid)
    }

    /// What applications streamed to call `sid` over `<Connect><Stream>` (8 kHz µ-law).
    func receivedAudio(of sid: String) async -> [UInt8] {
        await calls.receivedAudio(of: sid)
    }

    // MARK: Recordings

    /// The recording `sid` of `accountSID`; a deleted one only when `includeDeleted`.
    func recording(_ sid: String, accountSID: String, includeDeleted: Bool = false) async -> RecordingRecord? {
        guard let recording = await recordings.record(sid, accountSID: accountSID) else { return nil }
        return !recording.isDeleted || includeDeleted ? recording : nil
    }

    /// The account's recordings, newest first, filtered as ListRecording filters: `CallSid`,
    /// the `DateCreated` range, and `IncludeSoftDeleted`.
    func recordings(accountSID: String, callSID: String? = nil, created: DateFilterRange = .any,
                    includeDeleted: Bool = false) async -> [RecordingRecord] {
        await recordings.records(of: accountSID, .newestFirst) { recording in
            (callSID.map { recording.callSID == $0 } ?? true)
                && created.contains(recording.dateCreated)
                && (includeDeleted || !recording.isDeleted)
        }
    }

    /// Deletes `recording`: its media goes, its metadata stays as `deleted`.
    func delete(_ recording: RecordingRecord) async {
        await recordings.modify(recording.sid) { recording in
            recording.status = .deleted
            recording.dateUpdated = Date()
        }
    }

    // MARK: Restart

    /// Ends the calls a previous run left live (they cannot outlive the process); returns them.
    func resume() async -> [CallRecord] {
        await calls.endInterruptedCalls()
    }
}
