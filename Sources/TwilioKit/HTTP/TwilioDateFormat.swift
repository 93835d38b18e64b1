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

    /// `2023-08-24T05:01:45Z` (a fraction of a second is dropped).
    public static func iso8601String(from date: Date) -> String {
        guard let time = UTCTime(date), time.year <= 9999 else { return date.formatted(iso8601) }
        return time.text { $0.day(separator: "-"); $0.append("T"); $0.clock(); $0.append("Z") }
    }

    /// `2023-08-24` (UTC).
    public static func dayString(from date: Date) -> String {
        guard let time = UTCTime(date), time.year <= 9999 else { return date.formatted(day) }
        return time.text { $0.day(separator: "-") }
    }

    /// `Thu, 24 Aug 2023 05:01:45 +0000`, always in GMT as Twilio writes it.
    public static func rfc2822String(from date: Date) -> String {
        guard let time = UTCTime(date) else {
            let parts = utcCalendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
            func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
            let weekday = weekdays[(parts.weekday ?? 1) - 1]
            let month = months[(parts.month ?? 1) - 1]
            return "\(weekday), \(two(parts.day)) \(month) \(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
        }
        return time.text {
            $0.append(weekdays[time.weekday]); $0.append(", "); $0.digits(time.day, 2); $0.append(" ")
            $0.append(months[time.month - 1]); $0.append(" "); $0.append(String(time.year)); $0.append(" "); $0.clock(); $0.append(" +0000")
        }
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
        ASCIIDecimal.value(of: digits, maximumCount: 9)
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

    /// A day of the proleptic Gregorian calendar from its number of days since 1970-01-01
    /// (Howard Hinnant's `civil_from_days`, the inverse of ``daysSinceEpoch(year:month:day:)``).
    static func civilDay(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
    }

    /// An instant's fields in UTC, whole seconds, from 1583 on (Foundation's calendar is Julian
    /// before the Gregorian reform of October 1582; dates before 1583 are left to it): formatted
    /// from the fields, without a calendar or a format style (an answer renders three dates).
    private struct UTCTime {
        let year, month, day, hour, minute, second, weekday: Int

        init?(_ date: Date) {
            let interval = date.timeIntervalSince1970.rounded(.down)
            guard interval.magnitude < 1e15 else { return nil }
            let seconds = Int(interval)
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let secondOfDay = seconds - days * 86_400
            (year, month, day) = civilDay(daysSinceEpoch: days)
            guard year >= 1583 else { return nil }
            (hour, minute, second) = (secondOfDay / 3_600, secondOfDay / 60 % 60, secondOfDay % 60)
            weekday = ((days % 7) + 11) % 7 // 1970-01-01 was a Thursday (4); 0 is Sunday
        }

        /// The text `build` writes into a buffer of this time.
        func text(_ build: (inout Writer) -> Void) -> String {
            var writer = Writer(time: self)
            build(&writer)
            return String(decoding: writer.bytes, as: UTF8.self)
        }

        struct Writer {
            let time: UTCTime
            var bytes: [UInt8] = []

            init(time: UTCTime) {
                self.time = time
                bytes.reserveCapacity(32)
            }

            mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

            mutating func digits(_ value: Int, _ count: Int) {
                var divisor = 1
                for _ in 1..<count { divisor *= 10 }
                while divisor > 0 {
                    bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                    divisor /= 10
                }
            }

            /// `2023-08-24` with `separator` between the fields.
            mutating func day(separator: String) {
                digits(time.year, 4); append(separator); digits(time.month, 2); append(separator); digits(time.day, 2)
            }

            /// `05:01:45`.
            mutating func clock() {
                digits(time.hour, 2); append(":"); digits(time.minute, 2); append(":"); digits(time.second, 2)
            }
        }
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
