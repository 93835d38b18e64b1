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
    /// Computed from the fields (no calendar), read from the UTF-8 bytes (no substrings): every
    /// v2010 answer carries three such dates.
    static func rfc2822Date(from string: String) -> Date? {
        var string = string
        return string.withUTF8 { bytes in
            var fields = SpaceSeparatedFields(bytes: bytes)
            guard var dayField = fields.next() else { return nil }
            if dayField.last == UInt8(ascii: ",") {
                guard let next = fields.next() else { return nil }
                dayField = next
            }
            guard let day = decimal(dayField), (1...31).contains(day),
                  let monthField = fields.next(), let monthIndex = months.firstIndex(where: { $0.utf8.elementsEqual(monthField) }),
                  let yearField = fields.next(), let year = decimal(yearField),
                  let time = fields.next(), let zone = fields.next(), fields.next() == nil,
                  let firstColon = time.firstIndex(of: UInt8(ascii: ":")),
                  let secondColon = time[(firstColon + 1)...].firstIndex(of: UInt8(ascii: ":")),
                  let hour = decimal(time[..<firstColon]), (0...23).contains(hour),
                  let minute = decimal(time[(firstColon + 1)..<secondColon]), (0...59).contains(minute),
                  let second = decimal(time[(secondColon + 1)...]), (0...60).contains(second),
                  let offset = zoneOffsetSeconds(zone) else { return nil }
            let days = daysSinceEpoch(year: year, month: monthIndex + 1, day: day)
            return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second - offset))
        }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// The fields of a date, separated by one or more spaces.
    private struct SpaceSeparatedFields {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func next() -> Bytes? {
            while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
            guard position < bytes.count else { return nil }
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: " ") { position += 1 }
            return bytes[start..<position]
        }
    }

    /// A number of one to nine decimal digits (and nothing else).
    private static func decimal(_ digits: Bytes) -> Int? {
        guard (1...9).contains(digits.count) else { return nil }
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func zoneOffsetSeconds(_ zone: Bytes) -> Int? {
        if ["GMT", "UT", "UTC", "Z"].contains(where: { $0.utf8.elementsEqual(zone) }) { return 0 }
        guard zone.count == 5, let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let hours = decimal(zone.dropFirst().prefix(2)), let minutes = decimal(zone.suffix(2)) else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
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
