import Foundation

/// The calls of every account, each call's event log and the audio applications streamed to it,
/// and the control of the TwiML each live call is executing (so UpdateCall can redirect or hang it
/// up). A call's status changes only through ``handle(_:_:)``.
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
        /// The account has no such call.
        case notFound
    }

    private var calls: RecordTable<CallRecord>
    private var controls: [String: Control] = [:]
    private var events: [String: [CallEvent]] = [:]
    /// What applications sent each call over `<Connect><Stream>`: 8 kHz µ-law, in order.
    private var receivedAudio: [String: [UInt8]] = [:]

    /// The calls `store` kept, or none.
    init(store: SandboxStore?) throws {
        calls = try RecordTable(store: store)
    }

    // MARK: Calls

    /// Stores a new call.
    func insert(_ call: CallRecord) {
        calls.save(call)
    }

    /// Ends the calls a previous run left live: a restart drops them, as a carrier outage would
    /// (answered calls end `completed`, the others `canceled`). Returns them.
    func endInterruptedCalls() -> [CallRecord] {
        calls.oldestFirst.filter { !$0.isFinal }.compactMap { call in
            handle(call.sid, .ended(.sandboxRestarted))?.call
        }
    }

    /// Call `sid`, whichever account owns it.
    func call(_ sid: String) -> CallRecord? { calls[sid] }

    /// Call `sid` of `accountSID`.
    func call(_ sid: String, accountSID: String) -> CallRecord? {
        calls[sid, of: accountSID]
    }

    /// Hands `event` to call `sid`'s lifecycle and stores what changed; a call that ended stops
    /// the TwiML it runs. Returns the call and the action the simulator takes, `nil` when the
    /// event does not apply (or there is no such call).
    func handle(_ sid: String, _ event: CallLifecycle.Event) -> (call: CallRecord, action: CallLifecycle.Action)? {
        guard var call = calls[sid] else { return nil }
        let action = call.handle(event, now: Date())
        guard action != .ignore else { return nil }
        calls.save(call)
        if action == .end { close(sid) }
        return (call, action)
    }

    /// Applies `change` (anything but the status) to call `sid`, whatever its status.
    @discardableResult
    func update(_ sid: String, _ change: (inout CallRecord) -> Void) -> CallRecord? {
        calls.modify(sid) { call in
            change(&call)
            call.dateUpdated = Date()
        }
    }

    /// Deletes call `sid` of `accountSID` with its event log.
    func delete(_ sid: String, accountSID: String) {
        guard calls.remove(sid, of: accountSID) else { return }
        controls[sid] = nil
        events[sid] = nil
        receivedAudio[sid] = nil
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

    /// Closes the call's TwiML: no redirect starts another document, and the running one stops.
    private func close(_ sid: String) {
        var control = controls[sid] ?? Control()
        control.closed = true
        control.redirect = nil
        control.task?.cancel()
        controls[sid] = control
    }

    // MARK: Event log

    /// Appends `event` to the call's log.
    func log(_ sid: String, _ event: CallEvent) {
        events[sid, default: []].append(event)
    }

    /// The call's event log, oldest first.
    func events(of sid: String) -> [CallEvent] { events[sid] ?? [] }

    // MARK: Audio

    /// Keeps audio an application sent call `sid` over a media stream.
    func appendReceivedAudio(_ audio: [UInt8], to sid: String) {
        guard !audio.isEmpty else { return }
        receivedAudio[sid, default: []].append(contentsOf: audio)
    }

    /// Everything applications sent call `sid` over media streams (8 kHz µ-law).
    func receivedAudio(of sid: String) -> [UInt8] { receivedAudio[sid] ?? [] }
}
