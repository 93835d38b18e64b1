import Foundation

/// The calls and recordings of every account, each call's event log, and the control of the
/// TwiML each live call is executing (so UpdateCall can redirect or hang it up).
actor VoiceState {
    /// Which TwiML a call runs, and whether it may still change.
    private struct Control {
        /// Whether the call's first document has been started.
        var started = false
        /// Whether the call's TwiML is over: no redirect can start another document.
        var closed = false
        var task: Task<ExecutionEnd, Never>?
        /// The document an UpdateCall asked for, started once the current one is interrupted.
        var redirect: TwiMLSource?
    }

    /// What an UpdateCall redirect did.
    enum RedirectResult: Sendable {
        /// The call had not been answered yet: it will run the new instructions when it is.
        case replaced
        /// The live call stopped its document and runs the new one.
        case redirected
        /// The call has ended (or is ending).
        case notLive
        case notFound
    }

    private var calls: RecordTable<CallRecord>
    private var controls: [String: Control] = [:]
    private var events: [String: [CallEvent]] = [:]
    /// What applications sent each call over `<Connect><Stream>`: 8 kHz µ-law, in order.
    private var receivedAudio: [String: [UInt8]] = [:]
    private var recordings: RecordTable<RecordingRecord>

    /// The calls and recordings `store` kept, or none.
    init(store: SandboxStore?) throws {
        calls = try RecordTable(store: store)
        recordings = try RecordTable(store: store)
    }

    // MARK: Calls

    func insert(_ call: CallRecord) {
        calls.save(call)
    }

    /// Ends the calls a previous run left live: a restart drops them, as a carrier outage would
    /// (answered calls end `completed`, the others `canceled`). Returns them.
    func endInterruptedCalls() -> [CallRecord] {
        calls.oldestFirst.filter { !$0.isFinal }.compactMap { call in
            finish(call.sid, status: call.status == "in-progress" ? "completed" : "canceled")
        }
    }

    /// Call `sid`, whichever account owns it.
    func call(_ sid: String) -> CallRecord? { calls[sid] }

    /// Call `sid` of `accountSID`.
    func call(_ sid: String, accountSID: String) -> CallRecord? {
        calls[sid, of: accountSID]
    }

    /// Applies `change` to call `sid` unless it has ended, and returns the result (`nil` when the
    /// call is gone or over).
    @discardableResult
    func transition(_ sid: String, _ change: (inout CallRecord) -> Void) -> CallRecord? {
        guard calls[sid]?.isFinal == false else { return nil }
        return update(sid, change)
    }

    /// Applies `change` to call `sid` whatever its status.
    @discardableResult
    func update(_ sid: String, _ change: (inout CallRecord) -> Void) -> CallRecord? {
        calls.modify(sid) { call in
            change(&call)
            call.dateUpdated = Date()
        }
    }

    /// Ends call `sid` with `status` unless it has already ended; stops the TwiML it runs.
    /// Returns the ended call, or `nil` when there was nothing to end.
    func finish(_ sid: String, status: String) -> CallRecord? {
        let now = Date()
        guard calls[sid]?.isFinal == false, let call = update(sid, {
            $0.status = status
            $0.endTime = now
        }) else { return nil }
        var control = controls[sid] ?? Control()
        control.closed = true
        control.redirect = nil
        control.task?.cancel()
        controls[sid] = control
        return call
    }

    /// Deletes call `sid` of `accountSID` with its event log.
    func delete(_ sid: String, accountSID: String) -> Bool {
        guard calls.remove(sid, of: accountSID) else { return false }
        controls[sid] = nil
        events[sid] = nil
        receivedAudio[sid] = nil
        return true
    }

    /// The account's calls, newest first, with ListCall's filters.
    func list(accountSID: String, _ query: CallQuery = CallQuery()) -> [CallRecord] {
        calls.newestFirst.filter { $0.accountSID == accountSID && query.matches($0) }
    }

    /// The `SequenceNumber` for the call's next status callback.
    func takeSequenceNumber(_ sid: String) -> Int {
        let number = calls[sid]?.nextSequenceNumber ?? 0
        calls.modify(sid) { $0.nextSequenceNumber = number + 1 }
        return number
    }

    // MARK: TwiML execution

    /// Starts the call's next document: its instructions the first time, then a pending
    /// redirect. Returns `nil`, and closes the call's TwiML, when there is nothing to run.
    func beginExecution(_ sid: String, start: @Sendable (TwiMLSource) -> Task<ExecutionEnd, Never>) -> Task<ExecutionEnd, Never>? {
        guard let call = calls[sid], !call.isFinal else { return nil }
        var control = controls[sid] ?? Control()
        guard !control.closed else { return nil }
        let source: TwiMLSource?
        if control.started {
            source = control.redirect
            control.redirect = nil
        } else {
            source = call.instructions
            control.started = true
        }
        guard let source else {
            control.closed = true
            controls[sid] = control
            return nil
        }
        let task = start(source)
        control.task = task
        controls[sid] = control
        return task
    }

    /// Redirects call `sid` to `source` (UpdateCall with `Url` or `Twiml`).
    func redirect(_ sid: String, accountSID: String, to source: TwiMLSource) -> RedirectResult {
        guard let call = call(sid, accountSID: accountSID) else { return .notFound }
        var control = controls[sid] ?? Control()
        guard !call.isFinal, !control.closed else { return .notLive }
        guard control.started else {
            update(sid) { $0.instructions = source }
            return .replaced
        }
        control.redirect = source
        control.task?.cancel()
        controls[sid] = control
        return .redirected
    }

    // MARK: Event log

    func log(_ sid: String, _ event: CallEvent) {
        events[sid, default: []].append(event)
    }

    func events(of sid: String) -> [CallEvent] { events[sid] ?? [] }

    // MARK: Audio

    /// Keeps audio an application sent call `sid` over a media stream.
    func appendReceivedAudio(_ audio: [UInt8], to sid: String) {
        guard !audio.isEmpty else { return }
        receivedAudio[sid, default: []].append(contentsOf: audio)
    }

    /// Everything applications sent call `sid` over media streams (8 kHz µ-law).
    func receivedAudio(of sid: String) -> [UInt8] { receivedAudio[sid] ?? [] }

    // MARK: Recordings

    func insert(_ recording: RecordingRecord) {
        recordings.save(recording)
    }

    /// Recording `sid` of `accountSID`; a deleted one only when `includeDeleted`.
    func recording(_ sid: String, accountSID: String, includeDeleted: Bool = false) -> RecordingRecord? {
        guard let recording = recordings[sid, of: accountSID] else { return nil }
        return !recording.isDeleted || includeDeleted ? recording : nil
    }

    /// Deletes recording `sid`: its media goes, its metadata stays as `deleted`.
    func deleteRecording(_ sid: String, accountSID: String) -> Bool {
        guard recording(sid, accountSID: accountSID) != nil else { return false }
        recordings.modify(sid) { recording in
            recording.status = "deleted"
            recording.dateUpdated = Date()
        }
        return true
    }

    /// The account's recordings, newest first, filtered as ListRecording filters.
    func recordings(accountSID: String, callSID: String? = nil, created: DateFilterRange = .any,
                    includeDeleted: Bool = false) -> [RecordingRecord] {
        recordings.newestFirst.filter { recording in
            recording.accountSID == accountSID
                && (callSID.map { recording.callSID == $0 } ?? true)
                && created.contains(recording.dateCreated)
                && (includeDeleted || !recording.isDeleted)
        }
    }
}
