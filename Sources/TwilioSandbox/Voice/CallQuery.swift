import Foundation
import TwilioKit

/// ListCall's filters: `To`, `From`, `ParentCallSid`, `Status`, and the `StartTime` and `EndTime`
/// ranges.
struct CallQuery: Sendable {
    var to: String?
    var from: String?
    var parentCallSID: String?
    var status: CallStatus?
    var startTime: DateFilterRange = .any
    var endTime: DateFilterRange = .any

    /// The statuses `Status` may name, in the order its error lists them.
    static let statuses = CallStatus.allCases.filter { $0 != .unknown }

    /// Whether `call` passes every filter given.
    func matches(_ call: CallRecord) -> Bool {
        (to.map { call.to == $0 } ?? true)
            && (from.map { call.from == $0 } ?? true)
            && (parentCallSID.map { call.parentCallSID == $0 } ?? true)
            && (status.map { call.status == $0 } ?? true)
            && Self.matches(call.startTime, startTime)
            && Self.matches(call.endTime, endTime)
    }

    /// A date filter matches only calls that have the date; no filter matches every call.
    private static func matches(_ date: Date?, _ range: DateFilterRange) -> Bool {
        guard range.onOrAfter != nil || range.onOrBefore != nil else { return true }
        return date.map(range.contains) ?? false
    }
}
