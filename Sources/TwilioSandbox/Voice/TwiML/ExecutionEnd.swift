import TwilioKit

/// How a call's TwiML execution ended.
enum ExecutionEnd: Sendable, Equatable {
    /// The document ran out, `<Hangup>`, a failed fetch, the time limit, or an interruption
    /// (UpdateCall redirect or hang-up).
    case ended
    /// `<Reject>` before the call was answered, for `reason`: the call ends `busy` or `no-answer`.
    case rejected(TwiML.Reject.Reason)
}
