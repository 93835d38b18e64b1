import ConnectorMCP
import Foundation
import MCP
import Testing
import TwilioKit

@Suite("MCP tool calls")
struct ToolCallTests {
    @Test func aSentMessageIsTheEnvelopeAsStructuredContentAndAsText() async throws {
        try await ToolboxFixture.withSandbox { fixture in
            let result = try await fixture.call("send_message", ["to": "+14155550142", "from_number": "+15005550006", "body": "Hi from MCP"])
            #expect(result.isError == false)
            #expect(result.structured["success"] == true)
            #expect(result.structured["error"] == .null)
            let message = try #require(result.structured["message"]?.objectValue)
            #expect(message["to"] == "+14155550142")
            #expect(message["body"] == "Hi from MCP")
            let text = try #require(result.texts.first)
            #expect(try JSONDecoder().decode(Value.self, from: Data(text.utf8)) == result.structuredContent)
        }
    }

    @Test func anInvalidNumberIsAToolErrorNamingTheParameterAndTheRule() async throws {
        let fixture = try ToolboxFixture.offline()
        let result = try await fixture.call("send_message", ["to": "555-1234", "from_number": "+15005550006", "body": "Hi"])
        #expect(result.isError == true)
        #expect(result.structuredContent == nil)
        let error = try #require(result.texts.first)
        #expect(error.contains("to must be an E.164 phone number"), "\(error)")
        let envelope = try JSONDecoder().decode(Value.self, from: Data(try #require(result.texts.last).utf8))
        #expect(envelope.objectValue?["success"] == false)
        #expect(envelope.objectValue?["error"]?.stringValue == error)
    }

    @Test func anUnknownToolIsAProtocolError() async throws {
        let fixture = try ToolboxFixture.offline(ToolSelection(readOnly: true))
        await #expect(throws: MCPError.self) { try await fixture.call("send_message", ["to": "+14155550142"]) }
        await #expect(throws: MCPError.self) { try await fixture.call("no_such_tool") }
    }

    @Test func argumentsThatLookLikeDataURLsAreTextAsGiven() async throws {
        let fixture = try ToolboxFixture.offline()
        let result = try await fixture.call("list_events", ["trigger": "new_sms", "filter": ["body_contains": "data:text/plain;base64,aGk="]])
        #expect(result.isError == false, "\(result.texts)")
    }

    @Test func listEventsAnswersTheLatestMatchingEventsAndACursorToContinue() async throws {
        let fixture = try ToolboxFixture.offline()
        for index in 0..<5 { try await fixture.receiveSMS(from: index.isMultiple(of: 2) ? "+14155550123" : "+14155550999", body: "text \(index)", index: index) }
        let latest = try await fixture.call("list_events", ["trigger": "new_sms", "filter": ["from": "+14155550123"], "limit": 2])
        #expect(latest.isError == false, "\(latest.texts)")
        let events = try #require(latest.structured["events"]?.arrayValue)
        #expect(events.compactMap { $0.objectValue?["data"]?.objectValue?["body"]?.stringValue } == ["text 2", "text 4"])
        #expect(events.first?.objectValue?["trigger"] == "new_sms")
        #expect(events.first?.objectValue?["data"]?.objectValue?["message_sid"] != nil)

        let first = try #require(events.first?.objectValue?["cursor"])
        let after = try await fixture.call("list_events", ["trigger": "new_sms", "after": first])
        #expect(after.structured["events"]?.arrayValue?.count == 2)
        try await fixture.receiveSMS(from: "+14155550123", body: "text 5", index: 5)
        let newer = try await fixture.call("list_events", ["trigger": "new_sms", "after": try #require(latest.structured["next_cursor"])])
        #expect(newer.structured["events"]?.arrayValue?.compactMap { $0.objectValue?["data"]?.objectValue?["body"]?.stringValue } == ["text 5"])
    }

    @Test func eventToolArgumentsAreCheckedByTheCore() async throws {
        let fixture = try ToolboxFixture.offline()
        let badFilter = try await fixture.call("wait_for_event", ["trigger": "new_sms", "filter": ["from": "not a number", "reply": "hi"]])
        #expect(badFilter.isError == true)
        #expect(badFilter.texts.first?.contains("filter.from must be an E.164 phone number") == true, "\(badFilter.texts)")
        #expect(badFilter.texts.first?.contains("filter.reply") == true, "\(badFilter.texts)")
        let badTrigger = try await fixture.call("list_events", ["trigger": "newSMS"])
        #expect(badTrigger.texts.first?.contains("trigger must be one of new_sms") == true, "\(badTrigger.texts)")
        let badCursor = try await fixture.call("list_events", ["trigger": "new_sms", "after": "yesterday"])
        #expect(badCursor.texts.first?.contains("after 'yesterday' is not a cursor") == true, "\(badCursor.texts)")
        let tooLong = try await fixture.call("wait_for_event", ["trigger": "new_sms", "timeout_seconds": 301])
        #expect(tooLong.texts.first?.contains("timeout_seconds must be from 1 to 300") == true, "\(tooLong.texts)")
    }

    @Test func waitForEventAnswersTheFirstMatchingEventArrivingAfterTheCall() async throws {
        let fixture = try ToolboxFixture.offline()
        try await fixture.receiveSMS(from: "+14155550123", body: "before the call", index: 1)
        // From the cursor after that text: a wait "from now" would race the texts below when its
        // first read comes late (a loaded machine), and then wait past them.
        let listed = try await fixture.call("list_events", ["trigger": "new_sms"])
        let after = try #require(listed.structured["next_cursor"])
        async let answer = fixture.call("wait_for_event", ["trigger": "new_sms", "filter": ["from": "+14155550123"], "after": after,
                                                           "timeout_seconds": 20])
        try await Task.sleep(for: .milliseconds(300))
        try await fixture.receiveSMS(from: "+14155550999", body: "someone else", index: 2)
        try await fixture.receiveSMS(from: "+14155550123", body: "the reply", index: 3)
        let result = try await answer
        #expect(result.structured["timed_out"] == false)
        #expect(result.structured["event"]?.objectValue?["data"]?.objectValue?["body"] == "the reply")
        #expect(result.structured["next_cursor"] == result.structured["event"]?.objectValue?["cursor"])
    }

    @Test func waitForEventTimesOutAsANormalAnswer() async throws {
        let fixture = try ToolboxFixture.offline()
        let started = ContinuousClock.now
        let result = try await fixture.call("wait_for_event", ["trigger": "call_status", "timeout_seconds": 1])
        #expect(ContinuousClock.now - started >= .seconds(1))
        #expect(result.isError == false)
        #expect(result.structured["timed_out"] == true)
        #expect(result.structured["event"] == .null)
        #expect(result.structured["next_cursor"]?.stringValue?.hasPrefix("c1-") == true)
    }

    @Test func cancellingAWaitEndsItAtOnce() async throws {
        let fixture = try ToolboxFixture.offline()
        let wait = Task { try await fixture.call("wait_for_event", ["trigger": "new_sms", "timeout_seconds": 60]) }
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        wait.cancel()
        await #expect(throws: CancellationError.self) { try await wait.value }
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func bulkSendReportsEveryRecipientInSnakeCase() async throws {
        try await ToolboxFixture.withSandbox { fixture in
            let result = try await fixture.call("send_bulk_sms", ["recipients": ["+14155550142", "+14155550143", "+14155550142"],
                                                                  "from_number": "+15005550006", "body": "Sale", "messages_per_second": 100])
            #expect(result.isError == false, "\(result.texts)")
            #expect(result.structured["sent_count"] == 2)
            #expect(result.structured["duplicate_count"] == 1)
            let recipient = try #require(result.structured["recipients"]?.arrayValue?.first?.objectValue)
            #expect(Set(recipient.keys) == ["given", "to", "message_sid", "status", "error", "error_code", "may_have_been_sent"])
            let properties = try #require(fixture.tool("send_bulk_sms")?.outputSchema?.objectValue?["properties"]?.objectValue)
            #expect(Set(result.structured.keys) == Set(properties.keys))
        }
    }
}
