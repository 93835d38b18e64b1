import Foundation
import TwilioKit

/// A wall-clock date-time in an IANA time zone, the shape the component dialect gives dates in:
/// `{"dateTime": "2030-03-10T09:30:00", "zoneId": "America/New_York"}`. It names one exact instant,
/// daylight saving time included; a local time the clocks skip names none.
struct ZonedDateTime {
    /// The field names of the shape.
    static let dateTimeKey = "dateTime"
    static let zoneIdKey = "zoneId"

    /// Why a date-time object names no instant: a rule fragment ("has zoneId …").
    struct Problem: Error, Equatable {
        let rule: String
    }

    /// The fields given.
    let fields: [String: JSONValue]

    /// The date-time object in `value`; `nil` when `value` is not an object.
    init?(_ value: JSONValue) {
        guard case .object(let fields) = value else { return nil }
        self.fields = fields
    }

    /// Whether `fields` are the shape left blank (`{"dateTime": "", "zoneId": ""}`), as workflow
    /// editors send a date they were not given.
    static func isBlank(_ fields: [String: JSONValue]) -> Bool {
        Set(fields.keys).isSubset(of: [dateTimeKey, zoneIdKey]) && fields.values.allSatisfy { $0 == .null || $0 == .string("") }
    }

    /// The instant named, or why there is none.
    func instant() -> Result<Date, Problem> {
        let unknown = fields.keys.filter { $0 != Self.dateTimeKey && $0 != Self.zoneIdKey }.sorted()
        guard unknown.isEmpty else {
            return .failure(Problem(rule: "has \(unknown.joined(separator: ", ")), which a date-time object does not take: give dateTime and zoneId"))
        }
        guard case .string(let local)? = fields[Self.dateTimeKey], !local.isEmpty else {
            return .failure(Problem(rule: "needs dateTime, a local date-time such as 2030-01-31T09:00:00"))
        }
        guard case .string(let zoneId)? = fields[Self.zoneIdKey], !zoneId.isEmpty else {
            return .failure(Problem(rule: "needs zoneId, an IANA time zone such as Europe/Paris"))
        }
        guard let zone = TimeZone(identifier: zoneId) else {
            return .failure(Problem(rule: "has zoneId '\(zoneId)', which is not an IANA time zone such as Europe/Paris or America/New_York"))
        }
        guard let wallClock = Self.wallClock(local) else {
            return .failure(Problem(rule: "has dateTime '\(local)', which is not a local date-time such as 2030-01-31T09:00:00 (no offset: zoneId gives it)"))
        }
        // The instants whose local time in `zone` is the wall clock: one, two when the clocks go
        // back (the earlier is taken, as java.time does), none when they go forward over it.
        let offsets = Set([-86_400.0, 0, 86_400].map { zone.secondsFromGMT(for: wallClock.addingTimeInterval($0)) })
        let instants = offsets.map { wallClock.addingTimeInterval(-Double($0)) }
            .filter { zone.secondsFromGMT(for: $0) == Int(wallClock.timeIntervalSince($0)) }
        guard let instant = instants.min() else {
            return .failure(Problem(rule: "has dateTime '\(local)', which does not exist in \(zoneId): the clocks skip it when daylight saving time begins"))
        }
        return .success(instant)
    }

    /// `2030-01-31T09:00[:00[.123]]` read as if it were UTC; `nil` unless it is such a date-time.
    private static func wallClock(_ text: String) -> Date? {
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        let day = halves[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let timeAndFraction = halves[1].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let time = timeAndFraction[0].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        let fraction = timeAndFraction.count == 2 ? Double("0." + timeAndFraction[1]) : 0
        guard day.count == 3, (2...3).contains(time.count), let fraction,
              let year = day[0], let month = day[1], let dayOfMonth = day[2], let hour = time[0], let minute = time[1],
              halves[0].count == 10, timeAndFraction[0].count == time.count * 3 - 1 else { return nil }
        let second = time.count == 3 ? time[2] : 0
        guard let second else { return nil }
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute, second: second)
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second), let date = utc.date(from: components) else { return nil }
        let read = utc.dateComponents([.year, .month, .day], from: date)
        guard read.year == year, read.month == month, read.day == dayOfMonth else { return nil }
        return date.addingTimeInterval(fraction)
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
}
