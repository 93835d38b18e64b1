import Foundation
import TwilioKit

/// One thing that happened on a call, for the inspection API (`/sandbox/calls/{CallSid}/events`):
/// a status change, a verb executed (text said, URL played, digits gathered, recording made,
/// stream connected), a webhook that failed.
struct CallEvent: Sendable {
    /// `status`, `say`, `play`, `pause`, `gather`, `record`, `dial`, `redirect`, `hangup`,
    /// `reject`, `stream`, `unsupported`, `error`.
    let type: String
    /// The event's details, in order.
    let details: [(String, SandboxJSON)]
    let date: Date

    /// An event of `type` with `details`, happening at `date`.
    init(_ type: String, _ details: [(String, SandboxJSON)] = [], date: Date = Date()) {
        self.type = type
        self.details = details
        self.date = date
    }

    /// The `status` event of `call` at its current status: who answered once it is in progress,
    /// its duration once it has ended.
    static func status(of call: CallRecord) -> CallEvent {
        var details: [(String, SandboxJSON)] = [("status", .string(call.status.rawValue))]
        if call.status == .inProgress { details.append(("answered_by", .optional(call.answeredBy))) }
        if call.isFinal { details.append(("duration", .optional(call.duration))) }
        return CallEvent("status", details)
    }

    /// The event as the inspection API shows it.
    var json: SandboxJSON {
        .object([("type", .string(type)), ("date", .string(TwilioDateFormat.iso8601String(from: date)))] + details)
    }
}
