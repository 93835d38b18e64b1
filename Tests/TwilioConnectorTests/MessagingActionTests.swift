import Foundation
import Testing
import TwilioConnector
import TwilioKit

@Suite("Messaging actions, component dialect, against the sandbox")
struct MessagingActionTests {
    @Test func sendSMSAnswersTheComponentShape() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("twilio/v1/sendSMS", ["To": "+14155550142", "From": "+15005550006", "Body": "Hi from a workflow"])
            #expect(result.flag("success") == true)
            #expect(result.text("status") == "queued")
            #expect(result.object("from")?.text("rawNumber") == "+15005550006")
            #expect(result.object("dateCreated")?.text("zoneId") == "UTC")
            #expect(result.object("currency")?.text("currencyCode") == "USD")
            #expect(result.object("currency")?.number("numericCode") == 840)
            let sid = try #require(result.text("sid"))

            let fetched = await fixture.run("getMessage", ["Sid": .string(sid)])
            #expect(fetched.text("body") == "Hi from a workflow")
            let listed = await fixture.run("listMessages", ["To": "+14155550142"])
            #expect(listed.array("messages")?.count == 1)
            #expect(listed.flag("hasMore") == false)
        }
    }

    @Test func invalidInputNamesTheParameterAndTheRuleAndSendsNothing() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendSMS", [
                "To": "555-1234", "Body": .string(String(repeating: "x", count: 1601)),
                "MediaUrl": .array((0..<11).map { .string("https://e.test/\($0).png") }), "Colour": "blue",
            ])
            #expect(result.flag("success") == false)
            let error = try #require(result.text("error"))
            #expect(error.contains("To must be an E.164 phone number"))
            #expect(error.contains("Body has 1601 characters; at most 1600 are allowed"))
            #expect(error.contains("MediaUrl has 11 items; at most 10 are allowed"))
            #expect(error.contains("Colour is not a parameter of this action"))
            #expect(error.contains("From, MessagingServiceSid at least one of these is required"))
            #expect(error.contains("Nothing was sent"))
            let all = try await TwilioClient(configuration: fixture.sandbox.clientConfiguration).messages.list().collect()
            #expect(all.isEmpty, "validation happens before any request")
        }
    }

    @Test func aMessagingServiceSendsFromItsPool() async throws {
        try await ConnectorFixture.with { fixture in
            let service = try #require(try await fixture.sandboxPost("/messaging/v1/Services", form: [("FriendlyName", "Alerts")]).text("sid"))
            let number = try #require(try await fixture.client.incomingPhoneNumbers.list(.init(phoneNumber: "+14155550101")).collect().first?.sid)
            _ = try await fixture.sandboxPost("/messaging/v1/Services/\(service)/PhoneNumbers", form: [("PhoneNumberSid", number)])
            let sent = await fixture.run("sendSMS", ["To": "+14155550161", "MessagingServiceSid": .string(service), "Body": "pooled"])
            #expect(sent.flag("success") == true, "\(sent)")
            #expect(sent.text("messagingServiceSid") == service)
            let unknown = await fixture.run("sendSMS", ["To": "+14155550161", "MessagingServiceSid": "MG00000000000000000000000000000000", "Body": "x"])
            #expect(unknown.number("errorCode") == 21701)
        }
    }

    @Test func twilioRefusalsComeBackWithTheirCodes() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendSMS", ["To": "+15005550001", "From": "+15005550006", "Body": "x"])
            #expect(result.flag("success") == false)
            #expect(result.number("errorCode") == 21211)
            #expect(result.text("moreInfo") == "https://www.twilio.com/docs/errors/21211")
        }
    }

    @Test func unknownActionsAndBadParametersNeverThrow() async throws {
        try await ConnectorFixture.with { fixture in
            #expect(await fixture.run("sendTelegram", [:]).text("error")?.contains("Unknown action 'sendTelegram'") == true)
            #expect(await fixture.connector.run("sendSMS", parameters: "not an object").objectFields?["success"] == .bool(false))
        }
    }

    @Test func aTimeoutSaysTheMessageMayExistAndIsNotResent() async throws {
        try await ConnectorFixture.with { fixture in
            let status = try await fixture.sandboxForm(.post, "/sandbox/faults", form: [
                ("Kind", "latency"), ("LatencyMs", "1500"), ("Method", "POST"), ("PathContains", "/Messages.json"), ("Count", "1"),
            ])
            #expect(status == 201)
            var configuration = fixture.sandbox.clientConfiguration
            configuration.timeout = .milliseconds(300)
            let result = await Connector(configuration: configuration).run("sendSMS", parameters: ["To": "+14155550190", "From": "+15005550006", "Body": "slow"])
            guard case .object(let fields) = result else { Issue.record("not an object"); return }
            #expect(fields.flag("success") == false)
            #expect(fields.flag("mayHaveBeenSent") == true)
            #expect(fields.text("error")?.contains("may have reached Twilio") == true)
            try await Task.sleep(for: .milliseconds(1500))
            let sent = try await TwilioClient(configuration: fixture.sandbox.clientConfiguration).messages.list(.init(to: "+14155550190")).collect()
            #expect(sent.count == 1, "the slow request took effect once and was not repeated")
        }
    }

    @Test func perCallCredentialsOverrideAndNeverLeak() async throws {
        try await ConnectorFixture.with { fixture in
            let wrong = await fixture.run("getMessage", ["Sid": "SM00000000000000000000000000000000"],
                                          connection: ["accountSid": .string(fixture.sandbox.configuration.accountSID), "authToken": "leaky-secret-value"])
            #expect(wrong.number("errorCode") == 20003)
            let encoded = String(decoding: try JSONEncoder().encode(JSONValue.object(wrong)), as: UTF8.self)
            #expect(!encoded.contains("leaky-secret-value"))
        }
    }
}

extension JSONValue {
    var objectFields: [String: JSONValue]? { if case .object(let fields) = self { fields } else { nil } }
}
