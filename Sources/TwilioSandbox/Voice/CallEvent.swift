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

    init(_ type: String, _ details: [(String, SandboxJSON)] = [], date: Date = Date()) {
        self.type = type
        self.details = details
        self.date = date
    }

    var json: SandboxJSON {
        .object([("type", .string(type)), ("date", .string(TwilioDateFormat.iso8601String(from: date)))] + details)
    }
}
