import Foundation
import Synchronization
import TwilioKit

/// What the reader of Twilio's messages, the workflow and the pacing timer share for one stream,
/// behind one lock: the state machine, the outbound playout and the marks. Each method changes the
/// state and does its signalling and output outside the lock.
///
/// Whatever makes a message due — audio queued, a mark echoed, a `clear`, the timer — sends it
/// there and then (``pump()``): one sender at a time, in order, on the output's thread.
final class StreamSessionCore: Sendable {
    /// What to send next.
    enum Outbound: Equatable {
        /// Send this text.
        case send(String)
        /// Nothing until this time (a ``PlayoutClock`` value): set the timer.
        case wait(until: Duration)
        /// Nothing until more is queued or echoed.
        case idle
        /// The stream is over, or drained.
        case finished
    }

    private struct State {
        var machine = StreamSessionStateMachine()
        var playout: OutboundPlayout
        /// The stream SID, once started, and its outbound `media` messages.
        var streamSid = ""
        var media = MediaStreamWire.OutboundMedia(streamSid: "")
        var clearPending = false
        /// Marks sent to Twilio and not echoed yet, in order.
        var sentMarks: [String] = []
        /// Marks that were at Twilio when a `clear` went out: their echoes mean "cleared".
        var clearedMarks: [String] = []
        var outcomes: [String: MarkOutcome] = [:]
        var waiters: [String: [CheckedContinuation<MarkOutcome, Never>]] = [:]
        /// The mark that ends a drain, and the latest time to wait for it.
        var drainMark: String?
        var drainDeadline: Duration?
        /// A pump is sending; another was asked for meanwhile.
        var pumping = false
        var pumpAgain = false
        /// The time the pacing timer is set for.
        var timer: Duration?
        /// The output was closed.
        var closed = false
    }

    /// How long a drain waits past the audio's own end for Twilio's last mark.
    static let drainMargin = Duration.seconds(3)
    static let drainMarkName = "twilio-connector:end"

    private let state: Mutex<State>
    private let output: any MediaStreamOutput
    private let clock: any PlayoutClock
    private let events: RealtimeCallEvents.Queue
    /// The stream's `start`, once read; finished when the stream ends.
    private let starts: AsyncStream<StreamStart>.Continuation

    init(lead: Duration, clock: any PlayoutClock, output: any MediaStreamOutput, events: RealtimeCallEvents.Queue,
         starts: AsyncStream<StreamStart>.Continuation) {
        state = Mutex(State(playout: OutboundPlayout(lead: lead)))
        self.output = output
        self.clock = clock
        self.events = events
        self.starts = starts
    }

    // MARK: Twilio's messages (the reader)

    /// Runs a state machine transition.
    func transition(_ body: (inout StreamSessionStateMachine) -> StreamSessionStateMachine.Action) -> StreamSessionStateMachine.Action {
        let action = state.withLock { state in
            let action = body(&state.machine)
            if case .startWorkflow(let call, _) = action {
                state.streamSid = call.streamSid
                state.media = MediaStreamWire.OutboundMedia(streamSid: call.streamSid)
            }
            return action
        }
        switch action {
        case .end: finish()
        case .startWorkflow(let call, let token): starts.yield(StreamStart(call: call, token: token))
        default: break
        }
        return action
    }

    /// Hands an event to the workflow.
    func deliver(_ event: RealtimeCallEvent) {
        events.yield(event)
    }

    /// Twilio echoed the mark `name`: the caller heard the audio before it, or it was cleared.
    func markEchoed(_ name: String) {
        let resolved: (String, MarkOutcome, [CheckedContinuation<MarkOutcome, Never>])? = state.withLock { state in
            if let drain = state.drainMark, drain == name {
                state.drainDeadline = .zero
                return nil
            }
            let outcome: MarkOutcome
            if let index = state.clearedMarks.firstIndex(of: name) {
                state.clearedMarks.remove(at: index)
                outcome = .cleared
            } else if let index = state.sentMarks.firstIndex(of: name) {
                state.sentMarks.remove(at: index)
                outcome = .played
            } else {
                return nil
            }
            return (name, outcome, Self.settle(name, outcome, in: &state))
        }
        pump()
        guard let (name, outcome, waiters) = resolved else { return }
        for waiter in waiters { waiter.resume(returning: outcome) }
        events.yield(outcome == .played ? .markPlayed(name) : .markCleared(name))
    }

    // MARK: The workflow's requests

    /// Queues µ-law audio for the caller.
    func enqueue(audio: some Collection<UInt8>) {
        let accepted = state.withLock { state in
            guard Self.isOpen(state) else { return false }
            state.playout.enqueue(audio: audio)
            return true
        }
        if accepted { pump() }
    }

    /// Queues a mark after the audio queued so far; `false` when the stream is over.
    @discardableResult
    func enqueue(mark name: String) -> Bool {
        let accepted = state.withLock { state in
            guard Self.isOpen(state) else { return false }
            state.outcomes[name] = nil
            state.playout.enqueue(mark: name)
            return true
        }
        if accepted { pump() }
        return accepted
    }

    /// Waits until the mark `name` played, was cleared, or the stream ended.
    func outcome(of name: String) async -> MarkOutcome {
        await withCheckedContinuation { continuation in
            let known: MarkOutcome? = state.withLock { state in
                if let outcome = state.outcomes[name] { return outcome }
                guard Self.isOpen(state) else { return .callEnded }
                state.waiters[name, default: []].append(continuation)
                return nil
            }
            if let known { continuation.resume(returning: known) }
        }
    }

    /// Drops the queued audio here and at Twilio (barge-in); the marks it drops are cleared.
    func clear() {
        let dropped: [(String, [CheckedContinuation<MarkOutcome, Never>])] = state.withLock { state in
            guard Self.isOpen(state) else { return [] }
            let unsent = state.playout.clear()
            state.clearedMarks += state.sentMarks
            state.sentMarks.removeAll()
            state.clearPending = true
            return unsent.map { ($0, Self.settle($0, .cleared, in: &state)) }
        }
        for (name, waiters) in dropped {
            for waiter in waiters { waiter.resume(returning: .cleared) }
            events.yield(.markCleared(name))
        }
        pump()
    }

    /// The workflow returned: play out what it queued, then close (if the stream still runs).
    func workflowFinished() {
        state.withLock { state in
            guard state.machine.workflowFinished() else { return }
            state.playout.enqueue(mark: Self.drainMarkName)
            state.drainMark = Self.drainMarkName
        }
        pump()
    }

    // MARK: Sending

    /// Sends what is due now, on the output's thread; sets the timer for what is due later. A pump
    /// asked for while another sends is done by that one, so messages leave in order.
    func pump() {
        output.execute { [self] in
            guard state.withLock({ state in
                guard !state.pumping else {
                    state.pumpAgain = true
                    return false
                }
                state.pumping = true
                return true
            }) else { return }
            repeat {
                sendDue()
            } while state.withLock { state in
                state.pumping = state.pumpAgain
                state.pumpAgain = false
                return state.pumping
            }
        }
    }

    /// The timer set for `deadline` went off (on the output's thread).
    private func timerFired(_ deadline: Duration) {
        state.withLock { state in
            if state.timer == deadline { state.timer = nil }
        }
        pump()
    }

    private func sendDue() {
        var sent = false
        loop: while output.isWritable {
            switch nextOutbound(at: clock.now) {
            case .send(let text):
                output.write(text)
                sent = true
            case .wait(let deadline):
                let earlier = state.withLock { state in
                    guard state.timer.map({ deadline < $0 }) ?? true else { return false }
                    state.timer = deadline
                    return true
                }
                if earlier { clock.schedule(at: deadline, on: output) { [self] in timerFired(deadline) } }
                break loop
            case .idle, .finished:
                break loop
            }
        }
        if sent { output.flush() }
    }

    /// What to send now.
    func nextOutbound(at now: Duration) -> Outbound {
        let (outbound, ended) = state.withLock { state -> (Outbound, Bool) in
            switch state.machine.state {
            case .ended: return (.finished, false)
            case .awaitingStart: return (.idle, false)
            case .streaming, .draining: break
            }
            if state.clearPending {
                state.clearPending = false
                return (.send(Self.text(.clear(.init(streamSid: state.streamSid)))), false)
            }
            switch state.playout.next(at: now) {
            case .audio(let frame):
                let text = frame.withUnsafeBufferPointer { state.media.message(muLaw: $0) }
                return (.send(text), false)
            case .mark(let name):
                if name == state.drainMark {
                    state.drainDeadline = max(now, state.playout.playedBy) + Self.drainMargin
                } else {
                    state.sentMarks.append(name)
                }
                return (.send(Self.text(.mark(.init(streamSid: state.streamSid, mark: MediaStreamMark(name: name))))), false)
            case .wait(let deadline):
                return (.wait(until: deadline), false)
            case .idle:
                guard let deadline = state.drainDeadline else { return (.idle, false) }
                guard now < deadline else {
                    _ = state.machine.drained()
                    return (.finished, true)
                }
                return (.wait(until: min(deadline, now + .milliseconds(20))), false)
            }
        }
        if ended { finish() }
        return outbound
    }

    /// Whether the stream is over.
    var isEnded: Bool {
        state.withLock { $0.machine.isEnded }
    }

    /// How the stream ended, once it has.
    var end: StreamEnd? {
        state.withLock { state in
            if case .ended(let end) = state.machine.state { end } else { nil }
        }
    }

    // MARK: Helpers

    /// Closes the output for the stream's end, ends the workflow's events, and settles every mark
    /// still pending.
    private func finish() {
        let (waiting, end) = state.withLock { state in
            let waiting = state.waiters.values.flatMap { $0 }
            state.waiters.removeAll()
            guard !state.closed, case .ended(let end) = state.machine.state else { return (waiting, StreamEnd?.none) }
            state.closed = true
            return (waiting, end)
        }
        if let end { output.execute { [output] in output.close(end.close) } }
        for waiter in waiting { waiter.resume(returning: .callEnded) }
        events.finish()
        starts.finish()
    }

    private static func isOpen(_ state: State) -> Bool {
        if case .streaming = state.machine.state { true } else { false }
    }

    /// Records `outcome` for `name`; the waiters to resume.
    private static func settle(_ name: String, _ outcome: MarkOutcome, in state: inout State) -> [CheckedContinuation<MarkOutcome, Never>] {
        if state.outcomes.count > 256 { state.outcomes.removeAll() }
        state.outcomes[name] = outcome
        return state.waiters.removeValue(forKey: name) ?? []
    }

    /// A rare message (`mark`, `clear`) as JSON text.
    static func text(_ message: MediaStreamOutboundMessage) -> String {
        MediaStreamJSON.text(message)
    }
}
