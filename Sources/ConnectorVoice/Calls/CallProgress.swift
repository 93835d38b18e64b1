import TwilioKit

/// What the connector knows of a call it waits for: the latest status reported, from status
/// callbacks or from Twilio's answer to a poll, and whether it is final.
struct CallProgress: Sendable, Equatable {
    /// The statuses after which a call changes no more.
    static let finalStatuses: Set<CallStatus> = [.completed, .busy, .failed, .noAnswer, .canceled]

    private(set) var status: CallStatus = .queued
    private(set) var duration: Int?
    private(set) var call: Call?

    /// Whether the call has ended.
    var isFinal: Bool { Self.finalStatuses.contains(status) }

    /// A status callback: its `callStatus` and `callDuration`. A status never goes back from final.
    mutating func observe(status: CallStatus, duration: Int?) {
        guard !isFinal || Self.finalStatuses.contains(status) else { return }
        self.status = status
        if let duration { self.duration = duration }
    }

    /// Twilio's description of the call.
    mutating func observe(_ call: Call) {
        self.call = call
        if let status = call.status { observe(status: status, duration: call.durationSeconds) }
    }

    /// Seed 002's final status: `completed`, `busy`, `no-answer`, `failed` (a canceled call too).
    var seedStatus: String {
        switch status {
        case .completed: "completed"
        case .busy: "busy"
        case .noAnswer: "no-answer"
        default: "failed"
        }
    }
}
