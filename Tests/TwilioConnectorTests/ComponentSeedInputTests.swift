import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// What the component seeds let a workflow write that the connector takes as documented: seed
/// 004's selects and Account SID, dates as `{dateTime, zoneId}`, seed 002's `timeout`.
@Suite("Component seed inputs: selects, AccountSid, zoned dates, aliases")
struct ComponentSeedInputTests {
    private let sms: JSONValue = ["To": "+14155550123", "From": "+15005550006", "Body": "Hi"]

    private func with(_ base: JSONValue, _ extra: [String: JSONValue]) -> JSONValue {
        .object((base.objectFields ?? [:]).merging(extra) { $1 })
    }

    @Test func selectsThatAgreeWithTheFieldsGivenAreTaken() async throws {
        try await ConnectorFixture.with { fixture in
            let sent = await fixture.run("twilio/v1/sendSMS", with(sms, ["Source": 1, "Content": 1]))
            #expect(sent.flag("success") == true, "\(sent)")
            let media = await fixture.run("sendSMS", ["To": "+14155550123", "From": "+15005550006", "Source": "1", "Content": 2,
                                                      "MediaUrl": ["https://demo.twilio.com/owl.png"]])
            #expect(media.flag("success") == true, "\(media)")
        }
    }

    @Test func aSelectThatDisagreesIsRefusedNamingItAndTheFields() async throws {
        try await ConnectorFixture.with { fixture in
            let service = try await fixture.sandboxPost("/messaging/v1/Services", form: [("FriendlyName", "Pool")])
            let sid = try #require(service.text("sid"))
            let wrongSender = try await fixture.refusal("sendSMS", with(sms, ["Source": 2, "MessagingServiceSid": .string(sid)]))
            #expect(wrongSender.contains("Source is 2, which selects MessagingServiceSid, but From is given, which Source does not select"),
                    "\(wrongSender)")
            let missing = try await fixture.refusal("sendSMS", with(sms, ["Content": 2]))
            #expect(missing.contains("Source") == false)
            #expect(missing.contains("Content is 2, which selects MediaUrl, but MediaUrl is not given and Body is given"), "\(missing)")
            let outOfRange = try await fixture.refusal("sendSMS", with(sms, ["Source": 3]))
            #expect(outOfRange.contains("Source must be from 1 to 2"), "\(outOfRange)")
            let result = await fixture.run("sendSMS", with(sms, ["Content": 3]))
            let kinds = (result.array("invalidParameters") ?? []).compactMap { $0.objectFields?.text("kind") }
            #expect(kinds == ["combination"], "an engine tells a select's disagreement from a bad value")
        }
    }

    @Test func accountSidMustBeTheConnectionsAccount() async throws {
        try await ConnectorFixture.with { fixture in
            let account = fixture.sandbox.configuration.accountSID
            let sent = await fixture.run("sendSMS", with(sms, ["AccountSid": .string(account)]))
            #expect(sent.flag("success") == true, "\(sent)")
            let other = "AC" + String(repeating: "0", count: 32)
            let error = try await fixture.refusal("sendSMS", with(sms, ["AccountSid": .string(other)]))
            #expect(error.contains("AccountSid is \(other), but the connection is account \(account)"), "\(error)")
            let listed = try await fixture.refusal("listCalls", ["AccountSid": .string(other)])
            #expect(listed.contains("AccountSid"))
            let malformed = try await fixture.refusal("getCall", ["Sid": "CA00000000000000000000000000000000", "AccountSid": "ACnope"])
            #expect(malformed.contains("AccountSid must be a AC SID"), "\(malformed)")
        }
    }

    @Test func sendAtTakesTheComponentDateShapeAndNamesItsProblems() async throws {
        try await ConnectorFixture.with { fixture in
            let service = try await fixture.sandboxPost("/messaging/v1/Services", form: [("FriendlyName", "Scheduler")])
            let serviceSid = try #require(service.text("sid"))
            let owned = try await fixture.client.incomingPhoneNumbers.list().collect().first { $0.phoneNumber == "+15005550006" }
            _ = try await fixture.client.messagingServices.addPhoneNumber(try #require(owned?.sid), serviceSid: serviceSid)
            let tomorrow = ScheduleTime.tomorrow(at: "09:30:00", in: "Europe/Paris")
            let scheduled: JSONValue = ["To": "+14155550123", "MessagingServiceSid": .string(serviceSid), "Body": "Later",
                                        "ScheduleType": "fixed", "SendAt": ["dateTime": .string(tomorrow), "zoneId": "Europe/Paris"]]
            let result = await fixture.run("sendSMS", scheduled)
            #expect(result.flag("success") == true, "\(result)")
            #expect(result.text("status") == "scheduled")
            let unknownZone = try await fixture.refusal("sendSMS", with(scheduled, ["SendAt": ["dateTime": "2099-07-01T09:30:00", "zoneId": "Mars/Olympus"]]))
            #expect(unknownZone.contains("SendAt has zoneId 'Mars/Olympus', which is not an IANA time zone"), "\(unknownZone)")
            let skipped = try await fixture.refusal("sendSMS", with(scheduled, ["SendAt": ["dateTime": "2099-03-08T02:30:00", "zoneId": "America/New_York"]]))
            #expect(skipped.contains("SendAt has dateTime '2099-03-08T02:30:00', which does not exist in America/New_York"), "\(skipped)")
            let iso = await fixture.run("sendSMS", with(scheduled, ["SendAt": .string(ScheduleTime.tomorrow(at: "07:30:00", in: "UTC") + "Z")]))
            #expect(iso.flag("success") == true, "ISO 8601 text is taken as before")
        }
    }

    @Test func dateFiltersTakeTheComponentDateShapeToo() async throws {
        try await ConnectorFixture.with { fixture in
            let after = await fixture.run("listTranscripts", ["AfterDateCreated": ["dateTime": "2000-01-01T00:00:00", "zoneId": "Asia/Tokyo"]])
            #expect(after.array("transcripts")?.count == 2, "\(after)")
            let before = await fixture.run("listTranscripts", ["BeforeDateCreated": ["dateTime": "2000-01-01T00:00:00", "zoneId": "Asia/Tokyo"]])
            #expect(before.array("transcripts")?.count == 0, "\(before)")
            #expect(fixture.connector.describe("listCalls")?.inputSchema.objectFields?["properties"]?.objectFields?["StartTimeAfter"]?
                .objectFields?["anyOf"] != nil, "the schema offers both shapes")
        }
    }

    @Test func seed002sTimeoutIsTwiliosTimeout() async throws {
        try await ConnectorFixture.with { fixture in
            let call: JSONValue = ["To": "+14155550123", "From": "+15005550006", "Say": "Hello", "timeout": 20]
            let placed = await fixture.run("twilio/v1/makeCall", call)
            #expect(placed.flag("success") == true, "\(placed)")
            let both = try await fixture.refusal("makeCall", with(call, ["Timeout": 30]))
            #expect(both.contains("Timeout, timeout name the same parameter: give one"), "\(both)")
            let range = try await fixture.refusal("makeCall", with(call, ["timeout": 9999]))
            #expect(range.contains("timeout must be from 1 to 600"), "errors use the name given: \(range)")
            let schema = fixture.connector.describe("makeCall")?.inputSchema.objectFields?["properties"]?.objectFields
            #expect(schema?["timeout"]?.objectFields?["type"] == "integer")
            #expect(schema?["Timeout"] != nil)
        }
    }

    @Test func invalidParametersSayWhatKindOfProblemEachIs() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendSMS", ["To": "nope", "Bogus": 1, "ScheduleType": "fixed"])
            let kinds = Dictionary((result.array("invalidParameters") ?? []).compactMap(\.objectFields).map {
                ($0.text("parameter") ?? "", $0.text("kind") ?? "")
            }, uniquingKeysWith: { first, _ in first })
            #expect(kinds["Bogus"] == "unknown")
            #expect(kinds["To"] == "invalid")
            #expect(kinds["ScheduleType"] == "combination")
            let missing = await fixture.run("getCall", [:])
            #expect(missing.array("invalidParameters")?.first?.objectFields?.text("kind") == "missing")
        }
    }
}
