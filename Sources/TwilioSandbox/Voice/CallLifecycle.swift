import TwilioKit

/// A call's statuses and the only ways between them: a state machine in the manner of
/// AsyncHTTPClient's `HTTPRequestStateMachine`. The state is TwilioKit's ``CallStatus``; every
/// event goes through ``handle(_:)``, which moves the status on and returns the ``Action`` the
/// simulator takes.
///
/// ```
/// queued ──dialing──▶ queued (`initiated` posted) ──ringing──▶ ringing ──answered──▶ in-progress
///    │                                                          │                      │
///    └──ended──▶ busy | failed | no-answer | canceled ◀──ended──┘        ended──▶ completed
/// ```
///
/// An inbound call is born `ringing`; a `<Dial>` leg is stored already ended. `completed`,
/// `busy`, `failed`, `no-answer` and `canceled` are final.
struct CallLifecycle: Sendable, Equatable {
    /// Something that happens to a call.
    enum Event: Sendable, Equatable {
        /// Twilio starts dialing an outbound call (the `initiated` progress event).
        case dialing
        /// The callee's phone rings.
        case ringing
        /// The call is answered; `answeredBy` is what machine detection found (`human`,
        /// `machine_start`, …), `nil` when it did not run.
        case answered(answeredBy: String?)
        /// The call ends, for `reason`.
        case ended(EndReason)
    }

    /// Why a call ends.
    enum EndReason: Sendable, Equatable {
        /// The callee's handset is busy.
        case busy
        /// The callee cannot be reached.
        case unreachable
        /// Nobody answered before the call's `Timeout`.
        case notAnswered
        /// The TwiML `<Reject>`ed the call before answering it.
        case rejected(TwiML.Reject.Reason)
        /// The call's TwiML is over: it ran out, `<Hangup>`, a failed fetch, the time limit.
        case instructionsOver
        /// An inbound call's number has no VoiceUrl to ask what to do.
        case noInstructions
        /// UpdateCall asked for `Status`.
        case hangUpRequested(CallUpdateParameters.Status)
        /// The sandbox restarted while the call was live: it cannot outlive the process.
        case sandboxRestarted
    }

    /// What the simulator does after an event.
    enum Action: Sendable, Equatable {
        /// Nothing: the event does not apply where the call stands.
        case ignore
        /// Dialing started: the call gets its start time; the `initiated` event is posted.
        case startDialing
        /// The phone rings: logged, and the `ringing` event posted.
        case ring
        /// The call was answered: it gets its answer time; logged, and the `answered` event posted.
        case answer
        /// The call ended: it gets its end time and its TwiML stops; logged, its recording made,
        /// and the `completed` event posted.
        case end
    }

    /// Where the call stands.
    private(set) var status: CallStatus

    /// The lifecycle of a call at `status`.
    init(status: CallStatus) {
        self.status = status
    }

    /// Whether the call has ended.
    var isFinal: Bool {
        switch status {
        case .completed, .busy, .failed, .noAnswer, .canceled: true
        case .queued, .ringing, .inProgress, .unknown: false
        }
    }

    /// Moves the call on with `event`: the one transition function of a call.
    mutating func handle(_ event: Event) -> Action {
        guard !isFinal else { return .ignore }
        switch (status, event) {
        case (.queued, .dialing):
            return .startDialing
        case (.queued, .ringing):
            status = .ringing
            return .ring
        case (.queued, .answered), (.ringing, .answered):
            status = .inProgress
            return .answer
        case (_, .ended(let reason)):
            guard let final = Self.finalStatus(after: reason, answered: status == .inProgress) else { return .ignore }
            status = final
            return .end
        default:
            return .ignore
        }
    }

    /// The status a call ends with, `nil` when `reason` does not end it: a request to cancel a
    /// call that was answered changes nothing (only `completed` hangs it up).
    private static func finalStatus(after reason: EndReason, answered: Bool) -> CallStatus? {
        switch reason {
        case .busy, .rejected(.busy): .busy
        case .notAnswered, .rejected: .noAnswer
        case .unreachable, .noInstructions: .failed
        case .instructionsOver: .completed
        case .hangUpRequested(.canceled): answered ? nil : .canceled
        case .hangUpRequested(.completed), .sandboxRestarted: answered ? .completed : .canceled
        }
    }
}
