import Foundation
import TwilioKit

/// A range of days from `DateSent`, `DateSent<` and `DateSent>` (inclusive, as Twilio documents).
struct DateFilterRange: Sendable {
    var onOrAfter: Date?
    var onOrBefore: Date?

    static let any = DateFilterRange()

    /// Reads `Name`, `Name<` and `Name>`: a day (`2024-05-01`) covers that whole UTC day.
    init(_ query: FormParameters, name: String) throws(SandboxError) {
        func parse(_ key: String) throws(SandboxError) -> (start: Date, end: Date)? {
            guard let value = query.first(key) else { return nil }
            guard let date = TwilioDateFormat.date(from: value) else {
                throw .invalidParameter(key, value, rule: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time")
            }
            let isDay = value.count == 10
            return (date, isDay ? date.addingTimeInterval(86_399.999) : date)
        }
        if let on = try parse(name) { onOrAfter = on.start; onOrBefore = on.end }
        if let before = try parse(name + "<") { onOrBefore = before.end }
        if let after = try parse(name + ">") { onOrAfter = after.start }
    }

    /// No bounds: every date is in.
    init() {}

    /// Whether `date` falls within the bounds given.
    func contains(_ date: Date) -> Bool {
        (onOrAfter.map { date >= $0 } ?? true) && (onOrBefore.map { date <= $0 } ?? true)
    }
}
