import Foundation

/// The date formats of Twilio's APIs: RFC 2822 in API v2010 answers, ISO 8601 in v1/v2 answers and
/// in every date parameter.
public enum TwilioDateFormat {
    /// Parses `Thu, 24 Aug 2023 05:01:45 +0000` (RFC 2822) or `2023-08-24T05:01:45Z` /
    /// `2023-08-24T05:01:45.123Z` (ISO 8601), or a bare day `2023-08-24`.
    public static func date(from string: String) -> Date? {
        if let date = try? Date(string, strategy: iso8601) { return date }
        if let date = try? Date(string, strategy: iso8601Fractional) { return date }
        if let date = rfc2822Date(from: string) { return date }
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
    static func rfc2822Date(from string: String) -> Date? {
        var fields = string.split(separator: " ").map(String.init)
        if let first = fields.first, first.hasSuffix(",") { fields.removeFirst() }
        guard fields.count == 5,
              let day = Int(fields[0]),
              let monthIndex = months.firstIndex(of: fields[1]),
              let year = Int(fields[2]) else { return nil }
        let time = fields[3].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3, let offset = zoneOffsetSeconds(fields[4]) else { return nil }
        var components = DateComponents(year: year, month: monthIndex + 1, day: day, hour: time[0], minute: time[1], second: time[2])
        components.timeZone = TimeZone(secondsFromGMT: offset)
        return utcCalendar.date(from: components)
    }

    private static func zoneOffsetSeconds(_ zone: String) -> Int? {
        if ["GMT", "UT", "UTC", "Z"].contains(zone) { return 0 }
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
              let hours = Int(zone.dropFirst().prefix(2)), let minutes = Int(zone.suffix(2)) else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
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
