import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

extension SandboxFixture {
    /// A webhook sink at `destination`, tested and validated with the `test_id` the recorder received.
    func activeSink(_ recorder: WebhookRecorder, path: String = "/events", batchEvents: Bool = true) async throws -> String {
        let sink = try await client.events.createSink(.webhook(description: "tests", destination: recorder.baseURL + path, batchEvents: batchEvents))
        let sid = try #require(sink.sid)
        #expect(sink.status == .initialized)
        #expect(try await client.events.testSink(sid).result == "submitted")
        let received = try await recorder.waitFor { $0.contains { $0.path == path && $0.body.contains(CloudEvent.sinkTestEventType) } }
        let test = try #require(received.last { $0.path == path && $0.body.contains(CloudEvent.sinkTestEventType) })
        let delivery = try EventSinkDelivery(body: Array(test.body.utf8))
        let testID = try #require(delivery.events.first?.data?.objectFields?["test_id"]?.text)
        #expect(try await client.events.validateSink(sid, testID: testID).result == "valid")
        return sid
    }

    /// The CloudEvents the recorder received at `path`, in order, without the sink's test event
    /// (which ``activeSink(_:path:batchEvents:)`` consumed to validate the sink).
    func cloudEvents(_ recorder: WebhookRecorder, path: String = "/events") async -> [CloudEvent] {
        await recorder.received.filter { $0.path == path }
            .flatMap { (try? EventSinkDelivery(body: Array($0.body.utf8)).events) ?? [] }
            .filter { $0.type != CloudEvent.sinkTestEventType }
    }
}

@Suite("Sandbox Events v1: sinks, their validation, subscriptions and CloudEvents")
struct EventsSandboxTests {
    @Test func aWebhookSinkIsTestedThenValidatedBeforeASubscriptionMayUseIt() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let events = sandbox.client.events
            let sink = try await events.createSink(.webhook(description: "tests", destination: recorder.baseURL + "/events", batchEvents: false))
            let sid = try #require(sink.sid)
            #expect(sid.hasPrefix("DG") && sink.sinkType == .webhook && sink.status == .initialized)
            #expect(sink.sinkConfiguration?.objectFields?["destination"]?.text == recorder.baseURL + "/events")
            let early = EventSubscriptionCreateParameters(description: "early", sinkSid: sid,
                                                          types: [EventTypeSelection(EventTypeCatalogue.inboundMessage)])
            await #expect(throws: TwilioError.self) { try await events.createSubscription(early) }

            #expect(try await events.testSink(sid).result == "submitted")
            #expect(try await events.fetchSink(sid).status == .validating)
            let received = try await recorder.waitFor { !$0.isEmpty }
            let test = try #require(received.first)
            let validator = TwilioRequestValidator(authToken: sandbox.server.configuration.authToken)
            #expect(validator.validate(url: test.url + "?" + test.query, body: Array(test.body.utf8), signature: test.signature ?? ""),
                    "signed over the URL with bodySHA256, as Twilio signs JSON webhooks")
            let delivery = try EventSinkDelivery(body: Array(test.body.utf8))
            #expect(!delivery.isBatch, "batch_events false: one event per request")
            let event = try #require(delivery.events.first)
            #expect(event.type == CloudEvent.sinkTestEventType && event.source == "Sink" && event.id == sandbox.server.configuration.accountSID)
            let testID = try #require(event.data?.objectFields?["test_id"]?.text)

            #expect(try await events.validateSink(sid, testID: "not-the-test-id").result == "invalid")
            #expect(try await events.validateSink(sid, testID: testID).result == "valid")
            #expect(try await events.fetchSink(sid).status == .active)
            let subscription = try await events.createSubscription(early)
            #expect(subscription.sinkSid == sid && subscription.sid?.hasPrefix("DF") == true)
            #expect(try await events.listSinks(.init(inUse: true)).collect().map(\.sid) == [sid])
        }
    }

    @Test func inboundMessagesAndStatusChangesReachTheSinksSubscribedToThem() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let sink = try await sandbox.activeSink(recorder)
            _ = try await sandbox.client.events.createSubscription(.init(description: "messages", sinkSid: sink, types: [
                EventTypeSelection(EventTypeCatalogue.inboundMessage), EventTypeSelection(EventTypeCatalogue.messageStatus("delivered"), schemaVersion: 3),
            ]))

            let texted = try await sandbox.inspect(.post, "/sandbox/handsets/+14155550123/messages", form: [("To", "+15005550006"), ("Body", "Hi there")])
            let messageSID = try #require((texted.json["message"] as? [String: Any])?["sid"] as? String, "\(texted.json)")
            let sent = try await sandbox.client.messages.create(.init(to: "+14155559999", from: "+15005550006", body: "Hello"))
            let events = try await sandbox.eventually({ await sandbox.cloudEvents(recorder) }) { $0.count >= 2 }
            // Found outside `#require`: Swift 6.3 gives a closure written in a macro's argument the
            // discriminator of the next closure of the same type in the function, so both symbols
            // collide and the `filter` below ran this predicate (seen with `nm`: one
            // `(CloudEvent) -> Bool` closure where the source has two).
            let inboundEvent = events.first { $0.type == EventTypeCatalogue.inboundMessage }
            let inbound = try #require(inboundEvent)
            let data = inbound.data?.objectFields ?? [:]
            #expect(data["messageSid"]?.text == messageSID && data["body"]?.text == "Hi there")
            #expect(data["from"]?.text == "+14155550123" && data["to"]?.text == "+15005550006")
            #expect(data["numMedia"] == .number(0) && data["eventName"]?.text == EventTypeCatalogue.inboundMessage)
            #expect(inbound.dataschema == "https://events-schemas.twilio.com/Messaging.InboundMessageV1/6", "the latest version when none is chosen")
            #expect(inbound.source.hasSuffix("/Messages/\(messageSID).json") && inbound.id.hasPrefix("EZ"))

            let statuses = events.filter { $0.type.hasPrefix("com.twilio.messaging.message.") }
            #expect(statuses.map(\.type) == [EventTypeCatalogue.messageStatus("delivered")], "only the subscribed status")
            #expect(statuses.first?.data?.objectFields?["messageStatus"]?.text == "DELIVERED")
            #expect(statuses.first?.data?.objectFields?["messageSid"]?.text == sent.sid)
            #expect(statuses.first?.dataschema == "https://events-schemas.twilio.com/Messaging.MessageStatus/3")

            let log = try await sandbox.inspect(.get, "/sandbox/webhooks").json["webhooks"] as? [[String: Any]] ?? []
            #expect(log.contains { ($0["body"] as? String)?.contains(messageSID) == true && ($0["url"] as? String)?.contains("bodySHA256=") == true },
                    "sink deliveries are in the webhook log")
        }
    }

    @Test func callProgressReachesASinkWhenTheCallAskedForItsStatusCallbacks() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let sink = try await sandbox.activeSink(recorder)
            _ = try await sandbox.client.events.createSubscription(.init(description: "calls", sinkSid: sink, types: [
                EventTypeSelection(EventTypeCatalogue.callProgress("completed")),
            ]))
            let call = try await sandbox.client.calls.create(.init(
                to: "+14155559876", from: "+15005550006", instructions: .twiml(VoiceResponse([.say(TwiML.Say("Hello"))]).xml()),
                statusCallback: recorder.baseURL + "/status"))
            let events = try await sandbox.eventually({ await sandbox.cloudEvents(recorder) }) { !$0.isEmpty }
            #expect(events.map(\.type) == [EventTypeCatalogue.callProgress("completed")], "only the subscribed call event")
            let completed = try #require(events.first)
            #expect(completed.type == EventTypeCatalogue.callProgress("completed"))
            let data = completed.data?.objectFields ?? [:]
            #expect(data["sid"]?.text == call.sid)
            let request = data["request"]?.objectFields ?? [:]
            #expect(request["url"]?.text == recorder.baseURL + "/status")
            #expect(request["parameters"]?.objectFields?["CallStatus"]?.text == "completed")
            #expect(completed.dataschema == "https://events-schemas.twilio.com/Voice.WebhookEvent/2")
        }
    }

    @Test func subscriptionsTheirEventTypesAndTheCatalogueAreManagedAsTwilioDoes() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let events = sandbox.client.events
            let sink = try await sandbox.activeSink(recorder)
            let subscription = try #require(try await events.createSubscription(.init(description: "one", sinkSid: sink, types: [
                EventTypeSelection(EventTypeCatalogue.inboundMessage),
            ])).sid)
            _ = try await events.addSubscribedEvent(EventTypeSelection(EventTypeCatalogue.messageStatus("failed"), schemaVersion: 2),
                                                    subscriptionSid: subscription)
            await #expect(throws: TwilioError.self) {
                try await events.addSubscribedEvent(EventTypeSelection(EventTypeCatalogue.inboundMessage), subscriptionSid: subscription)
            }
            await #expect(throws: TwilioError.self) {
                try await events.addSubscribedEvent(EventTypeSelection("com.example.unknown"), subscriptionSid: subscription)
            }
            let types = try await events.listSubscribedEvents(subscriptionSid: subscription).collect()
            #expect(types.map(\.type) == [EventTypeCatalogue.inboundMessage, EventTypeCatalogue.messageStatus("failed")])
            #expect(types.map(\.schemaVersion) == [6, 2])
            try await events.removeSubscribedEvent(EventTypeCatalogue.inboundMessage, subscriptionSid: subscription)
            #expect(try await events.listSubscribedEvents(subscriptionSid: subscription).collect().map(\.type)
                    == [EventTypeCatalogue.messageStatus("failed")])
            #expect(try await events.listSubscriptions(sinkSid: sink).collect().map(\.sid) == [subscription])

            await #expect(throws: TwilioError.self, "a sink in use cannot be deleted") { try await events.deleteSink(sink) }
            try await events.deleteSubscription(subscription)
            try await events.deleteSink(sink)
            await #expect(throws: TwilioError.self) { try await events.fetchSink(sink) }

            let type = try await events.fetchType(EventTypeCatalogue.messageStatus("delivered"))
            #expect(type.schemaId == "Messaging.MessageStatus" && type.status == .available)
            #expect(try await events.fetchSchema("Messaging.MessageStatus").latestVersion == 8)
            #expect(try await events.listTypes(schemaID: "Voice.WebhookEvent").collect().count == 4)
            #expect(try await events.listSchemaVersions(schemaID: "Voice.WebhookEvent").collect().map(\.schemaVersion) == [1, 2])
        }
    }
}

private extension JSONValue {
    /// The string this value holds, if it is one.
    var text: String? {
        if case .string(let text) = self { text } else { nil }
    }
}
