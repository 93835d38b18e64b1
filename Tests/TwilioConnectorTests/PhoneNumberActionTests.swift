import Foundation
import Testing
import TwilioConnector
import TwilioKit

@Suite("listPhoneNumbers, component dialect, against the sandbox")
struct PhoneNumberActionTests {
    @Test func listsTheAccountsNumbersWithFiltersAndLimit() async throws {
        try await ConnectorFixture.with { fixture in
            let owned = fixture.sandbox.configuration.ownedNumbers
            let all = await fixture.run("twilio/v1/listPhoneNumbers", [:])
            #expect(all.flag("success") == true, "\(all)")
            let numbers = try #require(all.array("phoneNumbers")?.compactMap { $0.objectFields })
            #expect(Set(numbers.compactMap { $0.text("phoneNumber") }) == Set(owned))
            #expect(numbers.allSatisfy { $0.text("sid")?.hasPrefix("PN") == true && $0.object("dateCreated")?.text("zoneId") == "UTC" })
            #expect(all.flag("hasMore") == false)

            let target = try #require(owned.first)
            let filtered = await fixture.run("listPhoneNumbers", ["PhoneNumber": .string(target)])
            #expect(filtered.array("phoneNumbers")?.count == 1)
            #expect(filtered.array("phoneNumbers")?.first?.objectFields?.text("phoneNumber") == target)
            if owned.count > 1 {
                let limited = await fixture.run("listPhoneNumbers", ["limit": 1])
                #expect(limited.array("phoneNumbers")?.count == 1)
                #expect(limited.flag("hasMore") == true)
            }
        }
    }

    @Test func badInputSendsNothing() async throws {
        try await ConnectorFixture.with { fixture async throws in
            #expect(try await fixture.refusal("listPhoneNumbers", ["PhoneNumber": "415-abc"]).contains("PhoneNumber may only hold digits, + and * (got '415-abc')"))
            #expect(try await fixture.refusal("listPhoneNumbers", ["limit": 0]).contains("limit must be from 1 to 10000"))
            #expect(try await fixture.refusal("listPhoneNumbers", ["limit": "many"]).contains("limit must be a whole number"))
        }
    }
}
