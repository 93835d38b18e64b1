import TwilioKit

/// A verification's statuses and the only ways between them: a state machine in the manner of
/// AsyncHTTPClient's `HTTPRequestStateMachine`, its state TwilioKit's ``VerificationStatus`` and
/// the count of wrong codes checked.
///
/// ```
/// pending ──right code, or Status=approved──▶ approved
///    ├──Status=canceled──▶ canceled
///    ├──fifth wrong code──▶ max_attempts_reached ──ten minutes──▶ expired
///    └──ten minutes──▶ expired
/// ```
///
/// Approved, canceled and expired verifications are gone from the API (Twilio's soft delete); a
/// locked one (`max_attempts_reached`) answers every check and resend with 60202 until it expires.
struct VerificationLifecycle: Sendable, Equatable {
    /// Wrong codes checked before a verification is locked.
    static let maxWrongChecks = 5

    /// Something that happens to a verification.
    enum Event: Sendable, Equatable {
        /// A code was checked (VerificationCheck); `correct` when it matched.
        case codeChecked(correct: Bool)
        /// UpdateVerification asked for `Status`.
        case updateRequested(VerificationStatusUpdate)
        /// Its ten minutes are over.
        case lifetimeOver
    }

    /// What ``VerificationState`` does after an event.
    enum Action: Sendable, Equatable {
        /// The verification changed: store it.
        case store
        /// Too many wrong codes were checked: nothing changes until it expires (60202).
        case refuseLocked
        /// The event does not apply: the verification is gone, or cannot change that way (20404).
        case notFound
    }

    /// Where the verification stands.
    private(set) var status: VerificationStatus
    /// Wrong codes checked so far.
    private(set) var wrongChecks: Int

    /// The lifecycle of a verification at `status` with `wrongChecks` wrong codes checked.
    init(status: VerificationStatus, wrongChecks: Int) {
        self.status = status
        self.wrongChecks = wrongChecks
    }

    /// Whether a code can still be checked or sent again.
    var isPending: Bool { status == .pending }

    /// Whether too many wrong codes were checked.
    var isLocked: Bool { status == .maxAttemptsReached }

    /// Whether the API has forgotten it: approved, canceled and expired verifications are deleted.
    var isGone: Bool { !isPending && !isLocked }

    /// Moves the verification on with `event`: the one transition function of a verification.
    mutating func handle(_ event: Event) -> Action {
        switch (status, event) {
        case (.pending, .codeChecked(correct: true)), (.pending, .updateRequested(.approved)):
            status = .approved
        case (.pending, .codeChecked(correct: false)):
            wrongChecks += 1
            if wrongChecks >= Self.maxWrongChecks { status = .maxAttemptsReached }
        case (.pending, .updateRequested(.canceled)):
            status = .canceled
        case (.pending, .lifetimeOver), (.maxAttemptsReached, .lifetimeOver):
            status = .expired
        case (.maxAttemptsReached, .codeChecked):
            return .refuseLocked
        default:
            return .notFound
        }
        return .store
    }
}
