import Foundation
import Testing
import TwilioConnector
import TwilioKit
import TwilioSandbox

@Suite("Workflow block dialect (seed 000) against the sandbox")
struct BlockDialectTests {
    /// The block's per-call credentials, as seed 000's tables require them.
    private func credentials(_ fixture: ConnectorFixture) -> [String: JSONValue] {
        ["accountSid": .string(fixture.sandbox.configuration.accountSID), "authToken": .string(fixture.sandbox.configuration.authToken)]
    }

    private func run(_ fixture: ConnectorFixture, _ action: String, _ parameters: [String: JSONValue]) async -> [String: JSONValue] {
        await fixture.run(action, .object(parameters.merging(credentials(fixture)) { given, _ in given }))
    }

    /// Success, and every field the table promises (with `success` and `error`) is present.
    private func expectTable(_ result: [String: JSONValue], _ fields: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.flag("success") == true, "\(result)", sourceLocation: sourceLocation)
        #expect(result["error"] == .null, sourceLocation: sourceLocation)
        #expect(fields.subtracting(result.keys).isEmpty, "missing \(fields.subtracting(result.keys))", sourceLocation: sourceLocation)
    }

    /// The messages the handset `number` received, read through the sandbox's inspection API.
    private func inbox(_ fixture: ConnectorFixture, _ number: String) async throws -> [[String: JSONValue]] {
        try await fixture.sandboxJSON("/sandbox/handsets/\(number)/messages")
            .array("messages")?.compactMap(\.objectFields) ?? []
    }

    @Test func smsToOneNumberAnswersTheTable() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await run(fixture, "twilio_send_sms", ["phoneNumbers": "+14155550142", "message": "Hello", "fromNumber": "+15005550006"])
            expectTable(result, ["messageId", "status", "fromNumber", "toNumber", "results", "sentCount", "failedCount"])
            #expect(result.text("messageId")?.hasPrefix("SM") == true)
            #expect(result.text("status") == "queued")
            #expect(result.text("toNumber") == "+14155550142")
            #expect(result.number("sentCount") == 1)
            #expect(result.number("failedCount") == 0)
            #expect(result.array("results")?.count == 1)
        }
    }

    @Test func smsToSeveralNumbersReachesEveryOne() async throws {
        try await ConnectorFixture.with { fixture in
            let numbers = ["+14155550142", "+14155550143", "+14155550144"]
            let result = await run(fixture, "twilio_send_sms", [
                "phoneNumbers": "+14155550142\n+1 (415) 555-0143\n\n+14155550144,+14155550142", "message": "Meeting moved to 3pm",
                "fromNumber": "+15005550006",
            ])
            expectTable(result, ["messageId", "status", "fromNumber", "toNumber", "results", "sentCount", "failedCount"])
            #expect(result.number("sentCount") == 3)
            #expect(result.number("failedCount") == 0)
            let results = (result.array("results")?.compactMap { $0.objectFields } ?? [])
            #expect(results.compactMap { $0.text("toNumber") } == numbers, "distinct, normalised, in the order given")
            #expect(results.allSatisfy { $0.flag("success") == true && $0.text("messageId")?.hasPrefix("SM") == true && $0["error"] == .null })
            #expect(result.text("toNumber") == "+14155550142")
            #expect(result.text("messageId") == results.first?.text("messageId"))

            for number in numbers {
                let received = try await inbox(fixture, number)
                #expect(received.count == 1, "\(number) received \(received.count) messages")
                #expect(received.first?.text("body") == "Meeting moved to 3pm")
                let listed = try await fixture.client.messages.list(MessageListFilter(to: number)).collect()
                #expect(listed.map(\.from) == ["+15005550006"])
            }
        }
    }

    @Test func invalidNumbersAreReportedNotSentAndTheSendIsNotASuccess() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await run(fixture, "twilio_send_sms", ["phoneNumbers": "+14155550142\nnot-a-number\n+15005550001",
                                                                "message": "Hi", "fromNumber": "+15005550006", "messagesPerSecond": 50])
            #expect(result.flag("success") == false)
            #expect(result.text("error")?.contains("2 of 3 recipients were not sent") == true)
            #expect(result.number("sentCount") == 1)
            #expect(result.number("failedCount") == 2)
            let results = (result.array("results")?.compactMap { $0.objectFields } ?? [])
            #expect(results.map { $0.flag("success") } == [true, false, false])
            #expect(results[1].text("toNumber") == "not-a-number")
            #expect(results[1].text("error") != nil)
            #expect(results[2].number("errorCode") == 21211)
            #expect(result.text("messageId") == results[0].text("messageId"), "the flat fields are the first sent number's")
            let awaited1 = try await inbox(fixture, "+14155550142").count
            #expect(awaited1 == 1)
        }
    }

    @Test func badInputNamesTheBlockParametersAndSendsNothing() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await run(fixture, "twilio_send_sms", ["phoneNumbers": "+14155550142", "fromNumber": "not a number"])
            #expect(result.flag("success") == false)
            let error = try #require(result.text("error"))
            #expect(error.contains("message is required"))
            #expect(error.contains("fromNumber must be an E.164 phone number"))
            #expect(try await fixture.client.messages.list().collect().isEmpty)

            let call = await run(fixture, "twilio_make_call", ["to": "+14155550142", "from": "+15005550006", "timeout": 9999])
            #expect(call.text("error")?.contains("timeout must be from 1 to 600") == true)
            #expect(call.text("error")?.contains("say, twiml, url, applicationSid one of these is required") == true)
            let missing = await fixture.run("twilio_get_call", ["callSid": "CA00000000000000000000000000000000", "accountSid": .string(fixture.sandbox.configuration.accountSID)])
            #expect(missing.text("error")?.contains("authToken is required with accountSid") == true)
        }
    }

    @Test func perCallCredentialsAreUsedAndNeverEchoed() async throws {
        try await ConnectorFixture.with { fixture in
            let connector = Connector(configuration: nil)
            let token = fixture.sandbox.configuration.authToken
            let parameters: JSONValue = ["phoneNumbers": "+14155550142", "message": "Hi", "fromNumber": "+15005550006",
                                         "accountSid": .string(fixture.sandbox.configuration.accountSID), "authToken": .string(token)]
            // A connector without a default connection reaches the sandbox only through its base URL, so use the fixture's.
            let answered = await fixture.connector.run("twilio_send_sms", parameters: parameters)
            #expect(answered.objectFields?["success"] == true)
            let wrong = await fixture.run("twilio_send_sms", ["phoneNumbers": "+14155550142", "message": "Hi", "fromNumber": "+15005550006",
                                                              "accountSid": .string(fixture.sandbox.configuration.accountSID), "authToken": "leaky-secret-value"])
            #expect(wrong.flag("success") == false)
            let unconfigured = await connector.run("twilio_get_call", parameters: ["callSid": "CA00000000000000000000000000000000"])
            #expect(unconfigured.objectFields?.text("error")?.contains("accountSid and authToken") == true)
            for result in [answered, .object(wrong), unconfigured] {
                let encoded = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
                #expect(!encoded.contains(token) && !encoded.contains("leaky-secret-value"))
            }
        }
    }

    @Test func callsArePlacedFetchedAndListedFlat() async throws {
        try await ConnectorFixture.with { fixture in
            let placed = await run(fixture, "twilio_make_call", ["to": "+14155550142", "from": "+15005550006",
                                                                 "url": "https://demo.twilio.com/docs/voice.xml", "timeout": 20])
            expectTable(placed, ["callSid", "status", "direction", "from", "to", "duration", "price", "priceUnit"])
            #expect(placed.text("direction") == "outbound-api")
            #expect(placed.text("from") == "+15005550006")
            let sid = try #require(placed.text("callSid"))

            let fetched = await run(fixture, "twilio_get_call", ["callSid": .string(sid)])
            expectTable(fetched, ["callSid", "from", "to", "status", "direction", "duration", "price", "priceUnit", "startTime", "endTime",
                                  "dateCreated", "dateUpdated", "answeredBy", "forwardedFrom"])
            #expect(fetched.text("callSid") == sid)

            let listed = await run(fixture, "twilio_list_calls", ["to": "+14155550142"])
            expectTable(listed, ["calls", "total", "pageSize", "page", "nextPageUri"])
            #expect(listed.number("total") == 1)
            #expect(listed.array("calls")?.first?.objectFields?.text("callSid") == sid)
            #expect(listed.flag("hasMore") == false)
            #expect(listed["nextPageUri"] == .null)
        }
    }

    @Test func listCallsReportsThePageAndTheNextPageURI() async throws {
        try await ConnectorFixture.with { fixture in
            for _ in 1...3 {
                _ = await run(fixture, "twilio_make_call", ["to": "+14155550143", "from": "+15005550006", "say": "Hello"])
            }
            let first = await run(fixture, "twilio_list_calls", ["to": "+14155550143", "limit": 2])
            #expect(first.array("calls")?.count == 2)
            #expect(first.number("total") == 2)
            #expect(first.number("pageSize") == 2)
            #expect(first.number("page") == 0)
            #expect(first.flag("hasMore") == true)
            let next = try #require(first.text("nextPageUri"))
            let calls = fixture.sandbox.baseURL + "/api/2010-04-01/Accounts/\(fixture.sandbox.configuration.accountSID)/Calls.json?"
            #expect(next.hasPrefix(calls), "an absolute URL a workflow can fetch as it is")
            let rest = try await fixture.sandboxJSON(String(next.dropFirst(fixture.sandbox.baseURL.count)))
            #expect(rest.array("calls")?.count == 1)
        }
    }

    @Test func mmsAndWhatsAppAnswerTheirTables() async throws {
        try await ConnectorFixture.with { fixture in
            let mms = await run(fixture, "twilio_send_mms", ["to": "+14155550142", "from": "+15005550006", "body": "The map",
                                                             "mediaUrl": "https://demo.twilio.com/owl.png"])
            expectTable(mms, ["messageId", "status", "numMedia"])
            #expect(mms.number("numMedia") == 1)

            try await fixture.whatsAppUserWrites("+14155550142")
            let whatsapp = await run(fixture, "twilio_send_whatsapp", ["to": "+14155550142", "from": "+15005550006", "body": "Your table is ready"])
            expectTable(whatsapp, ["messageId", "status", "numMedia"])
            #expect(whatsapp.number("numMedia") == 0)
            let whatsappMessages = try await fixture.client.messages.list(MessageListFilter(to: "whatsapp:+14155550142")).collect()
            #expect(whatsappMessages.count == 1)
        }
    }

    @Test func lookupWithCarrier() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await run(fixture, "twilio_lookup_phone_number", ["phoneNumber": "+14155550100", "type": "carrier"])
            expectTable(result, ["phoneNumber", "nationalFormat", "countryCode", "carrier", "callerName", "valid", "validationErrors", "url"])
            #expect(result.text("countryCode") == "US")
            #expect(result.flag("valid") == true)
            #expect(result.object("carrier")?.text("carrierName") == "Twilio - SMS/MMS-SVR")
            #expect(result["callerName"] == .null)
            let national = await run(fixture, "twilio_lookup_phone_number", ["phoneNumber": "(415) 555-0100", "countryCode": "US", "type": "caller-name"])
            #expect(national.text("phoneNumber") == "+14155550100")
            #expect(national["callerName"] != .null)
        }
    }

    @Test func valueDependentRulesNameEveryParameterInTheBlocksWords() async throws {
        try await ConnectorFixture.with { fixture in
            let error = try await fixture.refusal("twilio_send_verification", .object(
                ["to": "not-an-address", "channel": "email", "serviceSid": "VA00000000000000000000000000000000"]
                    .merging(credentials(fixture)) { given, _ in given }))
            #expect(error.contains("to must be an email address such as ana@example.com when channel is email"), "\(error)")
        }
    }

    @Test func verificationIsSentAndChecked() async throws {
        try await ConnectorFixture.with { fixture in
            let service = try await fixture.client.verify.createService(.init(friendlyName: "Owl Bank"))
            let serviceSid = try #require(service.sid)
            let sent = await run(fixture, "twilio_send_verification", ["to": "+14155550178", "channel": "sms", "serviceSid": .string(serviceSid)])
            expectTable(sent, ["sid", "status", "to", "channel", "valid", "sendCodeAttempts"])
            #expect(sent.text("status") == "pending")
            #expect(sent.array("sendCodeAttempts")?.count == 1)

            let wrong = await run(fixture, "twilio_check_verification", ["to": "+14155550178", "code": "000000", "serviceSid": .string(serviceSid)])
            #expect(wrong.flag("success") == true)
            #expect(wrong.flag("valid") == false)
            let code = try #require(try await fixture.verificationCode(sentTo: "+14155550178"))
            let checked = await run(fixture, "twilio_check_verification", ["to": "+14155550178", "code": .string(code), "serviceSid": .string(serviceSid)])
            expectTable(checked, ["sid", "status", "to", "channel", "valid"])
            #expect(checked.text("status") == "approved")
            #expect(checked.flag("valid") == true)
        }
    }

    @Test func everyBlockOfTheSeedIsDescribed() {
        let connector = Connector(configuration: nil)
        #expect(Set(connector.actions(in: .block).map(\.name)) == [
            "twilio_send_sms", "twilio_make_call", "twilio_send_mms", "twilio_send_whatsapp", "twilio_lookup_phone_number",
            "twilio_send_verification", "twilio_check_verification", "twilio_get_call", "twilio_list_calls",
        ])
        let sms = connector.describe("twilio_send_sms")?.inputSchema.objectFields
        #expect(sms?["required"] == ["phoneNumbers", "message"])
        #expect(sms?["properties"]?.objectFields?["fromNumber"] != nil)
        #expect(sms?["properties"]?.objectFields?["concurrency"]?.objectFields?["default"] == 1,
                "the block sends one number at a time unless told otherwise, and its schema says so")
        let bulk = connector.describe("sendBulkSMS")?.inputSchema.objectFields
        #expect(bulk?["properties"]?.objectFields?["Concurrency"]?.objectFields?["default"] == 8)
    }
}
