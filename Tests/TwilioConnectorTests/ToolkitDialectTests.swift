import Foundation
import Testing
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// The property names of seed 001's `$defs`.
enum SeedShapes {
    static let message: Set<String> = ["sid", "date_created", "date_updated", "date_sent", "account_sid", "to", "from_number", "body", "status",
                                       "num_segments", "num_media", "direction", "price", "price_unit", "error_code", "error_message", "uri"]
    static let media: Set<String> = ["sid", "content_type", "date_created", "date_updated", "uri"]
    static let call: Set<String> = ["sid", "date_created", "date_updated", "account_sid", "to", "to_formatted", "from_number", "from_formatted",
                                    "status", "start_time", "end_time", "duration", "price", "price_unit", "direction", "uri"]
    static let lookup: Set<String> = ["phone_number", "country_code", "calling_country_code", "national_format", "valid", "validation_errors",
                                      "line_type", "carrier_name"]
    static let verification: Set<String> = ["sid", "service_sid", "account_sid", "to", "channel", "status", "valid", "date_created", "date_updated"]
    static let service: Set<String> = ["sid", "account_sid", "friendly_name", "code_length", "lookup_enabled", "date_created", "date_updated"]
    static let transcript: Set<String> = ["sid", "account_sid", "service_sid", "status", "date_created", "date_updated", "duration", "channel",
                                          "sentences", "transcript_text"]
    static let sentence: Set<String> = ["media_channel", "sentence_index", "start_time", "end_time", "transcript", "confidence"]
    static let phoneNumber: Set<String> = ["sid", "phone_number", "friendly_name"]
}

extension ConnectorFixture {
    /// The code of the latest verification sent to `to`, as the user's phone received it.
    func verificationCode(sentTo to: String) async throws -> String? {
        try await sandboxJSON("/sandbox/verifications/" + to.replacingOccurrences(of: "+", with: "%2B")).text("code")
    }

    /// Runs `action` until `done` holds (at most about five seconds).
    func runUntil(_ action: String, _ parameters: JSONValue, _ done: ([String: JSONValue]) -> Bool) async throws -> [String: JSONValue] {
        for _ in 0..<250 {
            let result = await run(action, parameters)
            if done(result) { return result }
            try await Task.sleep(for: .milliseconds(20))
        }
        return await run(action, parameters)
    }
}

@Suite("Agent toolkit dialect (seed 001) against the sandbox")
struct ToolkitDialectTests {
    /// The keys of `result` are success, error and the schema's other top-level properties.
    private func expectOutputKeys(_ result: [String: JSONValue], _ action: String, _ fixture: ConnectorFixture,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.flag("success") == true, "\(result)", sourceLocation: sourceLocation)
        #expect(result["error"] == .null, sourceLocation: sourceLocation)
        let schema = fixture.connector.describe(action)?.outputSchema.objectFields
        let properties = Set(schema?["properties"]?.objectFields.map { Array($0.keys) } ?? [])
        #expect(Set(result.keys) == properties, sourceLocation: sourceLocation)
        #expect(schema?["title"] == .string(action.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Output"),
                sourceLocation: sourceLocation)
    }

    @Test func messagesAreSentFetchedListedAndDeletedWithTheSeedsFields() async throws {
        try await ConnectorFixture.with { fixture in
            let sent = await fixture.run("send_message", ["to": "+14155550142", "from_number": "+15005550006", "body": "Hi from an agent",
                                                          "media_url": ["https://demo.twilio.com/owl.png"]])
            expectOutputKeys(sent, "send_message", fixture)
            let message = try #require(sent.object("message"))
            #expect(Set(message.keys) == SeedShapes.message)
            #expect(message.text("from_number") == "+15005550006")
            #expect(message.text("to") == "+14155550142")
            #expect(message.text("num_media") == "1")
            #expect(message["error_code"] == .null)
            let sid = try #require(message.text("sid"))

            let fetched = await fixture.run("get_message", ["message_sid": .string(sid)])
            expectOutputKeys(fetched, "get_message", fixture)
            #expect(fetched.object("message")?.text("body") == "Hi from an agent")

            let listed = await fixture.run("list_messages", ["to": "+14155550142"])
            expectOutputKeys(listed, "list_messages", fixture)
            #expect(listed.array("messages")?.count == 1)
            #expect(listed.array("messages")?.first?.objectFields.map { Set($0.keys) } == SeedShapes.message)
            #expect(listed["has_more"] == nil, "seed 001's schema has no room for paging information")

            let media = await fixture.run("list_message_media", ["message_sid": .string(sid)])
            expectOutputKeys(media, "list_message_media", fixture)
            #expect(media.array("media")?.first?.objectFields.map { Set($0.keys) } == SeedShapes.media)

            let deleted = await fixture.run("delete_message", ["message_sid": .string(sid)])
            expectOutputKeys(deleted, "delete_message", fixture)
            #expect(await fixture.run("get_message", ["message_sid": .string(sid)]).text("error")?.contains("code 20404") == true)
        }
    }

    @Test func thePythonSpellingFromUnderscoreIsAccepted() async throws {
        try await ConnectorFixture.with { fixture in
            let sent = await fixture.run("send_message", ["to": "+14155550142", "from_": "+15005550006", "body": "Hi"])
            #expect(sent.object("message")?.text("from_number") == "+15005550006")
        }
    }

    @Test func listsStopAtTheLimitWithNoPagingInformation() async throws {
        try await ConnectorFixture.with { fixture in
            for index in 0..<3 {
                _ = await fixture.run("send_message", ["to": "+14155550142", "from_number": "+15005550006", "body": .string("n\(index)")])
            }
            let page = await fixture.run("list_messages", ["limit": 2])
            #expect(page.array("messages")?.count == 2)
            #expect(page["has_more"] == nil)
            let described = try #require(fixture.connector.describe("list_messages"))
            #expect(described.inputSchema.objectFields?["properties"]?.objectFields?["limit"]?.objectFields?["default"] == 50)
        }
    }

    @Test func badInputNamesTheToolkitParametersAndSendsNothing() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("send_message", ["to": "555-1234", "body": .string(String(repeating: "x", count: 1601)),
                                                            "media_url": "ftp://example.com/a.png"])
            #expect(result.flag("success") == false)
            let error = try #require(result.text("error"))
            #expect(error.contains("to must be an E.164 phone number"))
            #expect(error.contains("body has 1601 characters; at most 1600 are allowed"))
            #expect(error.contains("media_url item 'ftp://example.com/a.png' must be an http:// or https:// URL"))
            #expect(error.contains("from_number, messaging_service_sid at least one of these is required"))
            #expect(!error.contains("To ") && !error.contains("Body "), "the toolkit's names, not the core's")
            #expect(Set(result.keys) == ["success", "error"], "seed 001's schemas forbid other properties, failures included")
            #expect(try await fixture.client.messages.list().collect().isEmpty)

            let call = await fixture.run("make_phone_call", ["to": "+14155550142", "from_number": "+15005550006", "say": "Hi", "url": "https://e.test/a"])
            #expect(call.text("error")?.contains("say, twiml, url, application_sid are mutually exclusive") == true)
            let fetched = await fixture.run("get_call", ["call_sid": "nope"])
            #expect(fetched.text("error")?.contains("call_sid must be a CA SID") == true)
        }
    }

    @Test func callsArePlacedFetchedListedAndDeleted() async throws {
        try await ConnectorFixture.with { fixture in
            let placed = await fixture.run("make_phone_call", ["to": "+14155550142", "from_number": "+15005550006", "say": "Your order has shipped."])
            expectOutputKeys(placed, "make_phone_call", fixture)
            let call = try #require(placed.object("call"))
            #expect(Set(call.keys) == SeedShapes.call)
            #expect(call.text("from_number") == "+15005550006")
            #expect(call.text("direction") == "outbound-api")
            let sid = try #require(call.text("sid"))

            let completed = try await fixture.runUntil("get_call", ["call_sid": .string(sid)]) { $0.object("call")?.text("status") == "completed" }
            expectOutputKeys(completed, "get_call", fixture)
            #expect(completed.object("call")?.text("status") == "completed")
            #expect(completed.object("call")?.text("duration") != nil)

            let listed = await fixture.run("list_calls", ["to": "+14155550142"])
            expectOutputKeys(listed, "list_calls", fixture)
            #expect(listed.array("calls")?.compactMap { $0.objectFields?.text("sid") } == [sid])

            let deleted = await fixture.run("delete_call", ["call_sid": .string(sid)])
            expectOutputKeys(deleted, "delete_call", fixture)
            #expect(await fixture.run("list_calls", [:]).array("calls")?.isEmpty == true)
        }
    }

    @Test func recordingMediaGivesTheDownloadURL() async throws {
        try await ConnectorFixture.with { fixture in
            let sid = "RE0123456789abcdef0123456789abcdef"
            let wav = await fixture.run("download_recording_media", ["recording_sid": .string(sid)])
            expectOutputKeys(wav, "download_recording_media", fixture)
            #expect(wav.text("recording_sid") == sid)
            #expect(wav.text("format") == "wav")
            #expect(wav.text("download_url")?.hasSuffix("/Recordings/\(sid).wav") == true)
            let mp3 = await fixture.run("download_recording_media", ["recording_sid": .string(sid), "format": "mp3"])
            #expect(mp3.text("download_url")?.hasSuffix(".mp3") == true)
            #expect(await fixture.run("download_recording_media", ["recording_sid": .string(sid), "save_to": "/tmp/x.wav"])
                .text("error")?.contains("save_to is not a parameter of this action") == true)
        }
    }

    @Test func lookupIncludesLineTypeIntelligence() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("phone_number_lookup", ["phone_number": "+14155550100"])
            expectOutputKeys(result, "phone_number_lookup", fixture)
            let lookup = try #require(result.object("lookup"))
            #expect(Set(lookup.keys) == SeedShapes.lookup)
            #expect(lookup.text("phone_number") == "+14155550100")
            #expect(lookup.flag("valid") == true)
            #expect(lookup.array("validation_errors") == [])
            #expect(lookup.text("line_type") == "nonFixedVoip")
            #expect(lookup.text("carrier_name") == "Twilio - SMS/MMS-SVR")
        }
    }

    @Test func verificationServiceSendAndCheck() async throws {
        try await ConnectorFixture.with { fixture in
            let created = await fixture.run("create_verification_service", ["friendly_name": "Owl Bank", "code_length": 6])
            expectOutputKeys(created, "create_verification_service", fixture)
            let service = try #require(created.object("service"))
            #expect(Set(service.keys) == SeedShapes.service)
            #expect(service.number("code_length") == 6)
            let serviceSid = try #require(service.text("sid"))

            let sent = await fixture.run("send_sms_verification", ["service_sid": .string(serviceSid), "to": "+14155550177"])
            expectOutputKeys(sent, "send_sms_verification", fixture)
            let verification = try #require(sent.object("verification"))
            #expect(Set(verification.keys) == SeedShapes.verification)
            #expect(verification.text("status") == "pending")
            #expect(verification.text("channel") == "sms")
            #expect(await fixture.run("send_sms_verification", ["service_sid": .string(serviceSid), "to": "+14155550177", "channel": "call"])
                .text("error")?.contains("channel is not a parameter of this action") == true)

            let code = try #require(try await fixture.verificationCode(sentTo: "+14155550177"))
            let checked = await fixture.run("check_verification_token", ["service_sid": .string(serviceSid), "to": "+14155550177", "code": .string(code)])
            expectOutputKeys(checked, "check_verification_token", fixture)
            #expect(checked.object("verification")?.text("status") == "approved")
            #expect(checked.object("verification")?.flag("valid") == true)
        }
    }

    @Test func transcriptsAreListedAndFetchedWithTheirText() async throws {
        try await ConnectorFixture.with { fixture in
            let listed = await fixture.run("list_transcripts", [:])
            expectOutputKeys(listed, "list_transcripts", fixture)
            let transcripts = (listed.array("transcripts")?.compactMap { $0.objectFields } ?? [])
            #expect(transcripts.count == 2)
            #expect(transcripts.allSatisfy { Set($0.keys) == SeedShapes.transcript && $0["transcript_text"] == .null && $0.array("sentences") == [] })
            #expect(transcripts.allSatisfy { $0.text("channel")?.hasPrefix("{") == true }, "the seed's channel is a string: the object as JSON text")
            let sids = transcripts.compactMap { $0.text("sid") }

            let fetched = await fixture.run("get_transcripts", ["transcript_sids": .array(sids.map(JSONValue.string))])
            expectOutputKeys(fetched, "get_transcripts", fixture)
            let full = (fetched.array("transcripts")?.compactMap { $0.objectFields } ?? [])
            #expect(full.count == 2)
            let sentences = (full.last?.array("sentences")?.compactMap { $0.objectFields } ?? [])
            #expect(sentences.count == 132)
            #expect(sentences.allSatisfy { Set($0.keys) == SeedShapes.sentence })
            #expect(full.last?.text("transcript_text")?.split(separator: "\n").count == 132)
        }
    }

    @Test func phoneNumbersAreListed() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("list_phone_numbers", [:])
            expectOutputKeys(result, "list_phone_numbers", fixture)
            let numbers = (result.array("phone_numbers")?.compactMap { $0.objectFields } ?? [])
            #expect(Set(numbers.compactMap { $0.text("phone_number") }) == Set(fixture.sandbox.configuration.ownedNumbers))
            #expect(numbers.allSatisfy { Set($0.keys) == SeedShapes.phoneNumber })
        }
    }

    @Test func credentialsAreNeverEchoed() async throws {
        try await ConnectorFixture.with { fixture in
            let configuration = fixture.sandbox.configuration
            let right = await fixture.run("list_phone_numbers", [:], connection: ["accountSid": .string(configuration.accountSID),
                                                                                  "authToken": .string(configuration.authToken)])
            #expect(right.flag("success") == true)
            let wrong = await fixture.run("list_phone_numbers", [:], connection: ["accountSid": .string(configuration.accountSID),
                                                                                  "authToken": "leaky-secret-value"])
            #expect(wrong.text("error")?.contains("code 20003") == true)
            for result in [right, wrong] {
                let encoded = String(decoding: try JSONEncoder().encode(JSONValue.object(result)), as: UTF8.self)
                #expect(!encoded.contains(configuration.authToken) && !encoded.contains("leaky-secret-value"))
            }
        }
    }

    @Test func everyToolkitActionOfTheSeedIsDescribed() {
        let connector = Connector(configuration: nil)
        let names = Set(connector.actions(in: .toolkit).map(\.name))
        #expect(names == ["send_message", "make_phone_call", "get_message", "delete_message", "list_messages", "list_message_media", "get_call",
                          "delete_call", "list_calls", "download_recording_media", "phone_number_lookup", "send_sms_verification",
                          "check_verification_token", "create_verification_service", "list_transcripts", "get_transcripts", "list_phone_numbers",
                          "send_bulk_sms"])
        let message = connector.describe("send_message")?.outputSchema.objectFields?["$defs"]?.objectFields?["MessageResource"]
        #expect(message?.objectFields?["properties"]?.objectFields.map { Set($0.keys) } == SeedShapes.message)
        let inputs = connector.describe("send_message")?.inputSchema.objectFields?["properties"]?.objectFields ?? [:]
        #expect(["to", "from_number", "body", "media_url", "messaging_service_sid"].allSatisfy { inputs[$0] != nil })
    }
}
