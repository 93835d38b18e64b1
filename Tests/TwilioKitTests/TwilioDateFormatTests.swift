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
}
