import Foundation
import Testing
@testable import TwilioConnector
import TwilioKit

/// `{dateTime, zoneId}` names one exact instant, daylight saving time included.
@Suite("Component dates: a local date-time in an IANA zone")
struct ZonedDateTimeTests {
    /// The instant as ISO 8601 text, or the rule the object breaks.
    private func instant(_ dateTime: String, _ zoneId: String) -> String {
        let zoned = ZonedDateTime(["dateTime": .string(dateTime), "zoneId": .string(zoneId)])
        switch zoned?.instant() {
        case .success(let date)?: return TwilioDateFormat.iso8601String(from: date)
        case .failure(let problem)?: return problem.rule
        case nil: return "not an object"
        }
    }

    @Test func winterAndSummerTimeGiveTheirOffsets() {
        #expect(instant("2030-03-10T01:30:00", "America/New_York") == ("2030-03-10T06:30:00Z"))
        #expect(instant("2030-03-10T03:30:00", "America/New_York") == ("2030-03-10T07:30:00Z"))
        #expect(instant("2030-07-01T09:30:00", "Europe/Paris") == ("2030-07-01T07:30:00Z"))
        #expect(instant("2030-01-15T09:30", "Asia/Kolkata") == ("2030-01-15T04:00:00Z"))
        #expect(instant("2030-01-15T09:30:00", "UTC") == ("2030-01-15T09:30:00Z"))
    }

    @Test func aRepeatedHourIsItsFirstOccurrenceAndASkippedOneIsRefused() throws {
        #expect(instant("2030-11-03T01:30:00", "America/New_York") == ("2030-11-03T05:30:00Z"))
        #expect(instant("2030-03-10T02:30:00", "America/New_York")
            == "has dateTime '2030-03-10T02:30:00', which does not exist in America/New_York: the clocks skip it when daylight saving time begins")
    }

    @Test func badZonesDatesAndShapesAreNamed() {
        #expect(instant("2030-01-15T09:30:00", "Mars/Olympus")
            == "has zoneId 'Mars/Olympus', which is not an IANA time zone such as Europe/Paris or America/New_York")
        for bad in ["2030-02-30T09:30:00", "2030-01-15T09:30:00Z", "2030-01-15T25:00:00", "2030-01-15 09:30:00", "15/01/2030"] {
            #expect(instant(bad, "Europe/Paris").hasPrefix("has dateTime '\(bad)', which is not a local date-time"))
        }
        let missingZone = ZonedDateTime(["dateTime": "2030-01-15T09:30:00"])?.instant()
        #expect(missingZone == .failure(.init(rule: "needs zoneId, an IANA time zone such as Europe/Paris")))
        let extra = ZonedDateTime(["dateTime": "2030-01-15T09:30:00", "zoneId": "UTC", "offset": "+01:00"])?.instant()
        #expect(extra == .failure(.init(rule: "has offset, which a date-time object does not take: give dateTime and zoneId")))
        #expect(ZonedDateTime.isBlank(["dateTime": "", "zoneId": ""]))
        #expect(ZonedDateTime("2030-01-15T09:30:00Z") == nil)
    }
}
