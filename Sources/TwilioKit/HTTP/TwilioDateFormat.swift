import Foundation

/// The date formats of Twilio's APIs: RFC 2822 in API v2010 answers, ISO 8601 in v1/v2 answers and
/// in every date parameter.
public enum TwilioDateFormat {
    /// Parses `Thu, 24 Aug 2023 05:01:45 +0000` (RFC 2822) or `2023-08-24T05:01:45Z` /
    /// `2023-08-24T05:01:45.123Z` (ISO 8601), or a bare day `2023-08-24`.
    public static func date(from string: String) -> Date? {
        // ISO 8601 starts with a four-digit year and a dash; RFC 2822 with a weekday or a day.
        let utf8 = string.utf8
        guard utf8.count >= 10, utf8.dropFirst(4).first == UInt8(ascii: "-") else { return rfc2822Date(from: string) }
        let styles = utf8.contains(UInt8(ascii: ".")) ? [iso8601Fractional, iso8601] : [iso8601, iso8601Fractional]
        for style in styles {
            if let date = try? Date(string, strategy: style) { return date }
        }
        return try? Date(string, strategy: day)
    }

    /// `2023-08-24T05:01:45Z`.
    public static func iso8601String(from date: Date) -> String { date.formatted(iso8601) }

    /// `2023-08-24` (UTC).
    public static func dayString(from date: Date) -> String { date.formatted(day) }

    /// `Thu, 24 Aug 2023 05:01:45 +0000`, always in GMT as Twilio writes it.
    public static func rfc2822String(from date: Date) -> String {
        let parts = utcCalendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let weekday = weekdays[(parts.weekday ?? 1) - 1]
        let month = months[(parts.month ?? 1) - 1]
        return "\(weekday), \(two(parts.day)) \(month) \(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }

    /// Parses RFC 2822 dates, with or without the weekday, with a numeric zone or `GMT`/`UT`.
    /// Computed from the fields (no calendar): every v2010 answer carries three such dates.
    static func rfc2822Date(from string: String) -> Date? {
        var fields = string.split(separator: " ")
        if let first = fields.first, first.hasSuffix(",") { fields.removeFirst() }
        guard fields.count == 5,
              let day = Int(fields[0]), (1...31).contains(day),
              let monthIndex = months.firstIndex(where: { $0 == fields[1] }),
              let year = Int(fields[2]) else { return nil }
        let time = fields[3].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 3,
              let hour = Int(time[0]), (0...23).contains(hour),
              let minute = Int(time[1]), (0...59).contains(minute),
              let second = Int(time[2]), (0...60).contains(second),
              let offset = zoneOffsetSeconds(fields[4]) else { return nil }
        let days = daysSinceEpoch(year: year, month: monthIndex + 1, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second - offset))
    }

    private static func zoneOffsetSeconds(_ zone: Substring) -> Int? {
        if ["GMT", "UT", "UTC", "Z"].contains(zone) { return 0 }
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
              let hours = Int(zone.dropFirst().prefix(2)), let minutes = Int(zone.suffix(2)) else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static let iso8601 = Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt)
    private static let iso8601Fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let day = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
}
