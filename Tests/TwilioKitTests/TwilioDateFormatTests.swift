import Foundation
import Testing
@testable import TwilioKit

/// Twilio's dates: RFC 2822 in API v2010 answers (parsed from their fields, without a calendar),
/// ISO 8601 in the others.
@Suite("Twilio's date formats")
struct TwilioDateFormatTests {
    @Test("RFC 2822 dates are the instants the calendar gives, across leap years and centuries")
    func rfc2822AgreesWithTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        var generator = SystemRandomNumberGenerator()
        let instants = [-2_208_988_800, 0, 951_782_400, 951_868_799, 4_107_542_400] // 1900, 1970, 29 Feb 2000, 2100
            + (0..<500).map { _ in Int.random(in: -2_208_988_800...4_102_444_800, using: &generator) }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let text = TwilioDateFormat.rfc2822String(from: date)
            #expect(TwilioDateFormat.date(from: text) == date, "\(text)")
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let day = TwilioDateFormat.daysSinceEpoch(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
            #expect(day == Int((Double(seconds) / 86_400).rounded(.down)), "\(text)")
        }
    }

    @Test("RFC 2822 zones, with and without the weekday", arguments: [
        ("Thu, 24 Aug 2023 05:01:45 +0000", 1_692_853_305),
        ("24 Aug 2023 05:01:45 GMT", 1_692_853_305),
        ("Thu, 24 Aug 2023 07:01:45 +0200", 1_692_853_305),
        ("Wed, 23 Aug 2023 23:31:45 -0530", 1_692_853_305),
        ("Fri, 01 Mar 2024 00:00:00 UT", 1_709_251_200),
        ("  Thu,  24 Aug 2023   5:01:45  Z ", 1_692_853_305),
    ])
    func rfc2822Zones(text: String, seconds: Int) {
        #expect(TwilioDateFormat.date(from: text) == Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test("Malformed dates are no dates", arguments: [
        "", "Thu, 24 Aug 2023", "Thu, 24 Foo 2023 05:01:45 +0000", "Thu, 32 Aug 2023 05:01:45 +0000",
        "Thu, 24 Aug 2023 24:01:45 +0000", "Thu, 24 Aug 2023 05:61:45 +0000", "Thu, 24 Aug 2023 05:01 +0000",
        "Thu, 24 Aug 2023 05:01:45 +00", "yesterday", "Thu, 24 Aug 2023 05:01:45:00 +0000", "Thu, 24 Aug 2023 05::45 +0000",
        "Thu, 24 aug 2023 05:01:45 +0000", "Thu, 24 Aug 2023 05:01:45 +0000 extra", "Thu, 24 Aug 2023 05:01:4x +0000", "Thu,",
    ])
    func malformed(text: String) {
        #expect(TwilioDateFormat.date(from: text) == nil)
    }

    @Test("ISO 8601 with and without fractions, and bare days")
    func iso8601() {
        #expect(TwilioDateFormat.date(from: "2023-08-24T05:01:45Z") == Date(timeIntervalSince1970: 1_692_853_305))
        #expect(TwilioDateFormat.date(from: "2023-08-24T05:01:45.500Z") == Date(timeIntervalSince1970: 1_692_853_305.5))
        #expect(TwilioDateFormat.date(from: "2023-08-24") == Date(timeIntervalSince1970: 1_692_835_200))
    }

    @Test("Dates are written as Foundation's calendar and ISO 8601 style write them, fractions dropped, Julian days and years beyond 9999 included")
    func writtenAsFoundationWritesThem() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let iso = Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt)
        let day = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()
        var generator = SystemRandomNumberGenerator()
        let instants: [TimeInterval] = [-62_167_219_200, -12_219_292_801, -12_212_553_600, -2_208_988_800, -1, -0.5, 0, 0.999, 951_782_400, 951_868_799.75,
                                       253_402_300_799, 253_402_300_800]
            + (0..<2_000).map { _ in TimeInterval(Int.random(in: -62_167_219_200...253_402_300_799, using: &generator)) + [0, 0.25, 0.999].randomElement(using: &generator)! }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(TwilioDateFormat.iso8601String(from: date) == date.formatted(iso), "\(seconds)")
            #expect(TwilioDateFormat.dayString(from: date) == date.formatted(day), "\(seconds)")
            let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
            let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][(parts.weekday ?? 1) - 1]
            let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(parts.month ?? 1) - 1]
            let expected = String(format: "%@, %02d %@ %d %02d:%02d:%02d +0000", weekday, parts.day ?? 0, month, parts.year ?? 0,
                                  parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
            #expect(TwilioDateFormat.rfc2822String(from: date) == expected, "\(seconds)")
        }
    }
}
