import Foundation
import Testing
@testable import TwilioKit

@Suite("Events v1 (Event Streams) against the OpenAPI spec")
struct EventsContractTests {
    let harness = ContractHarness()
    let sinkSid = "DGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    let subscriptionSid = "DFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    let delivered = "com.twilio.messaging.message.delivered"

    private func form(_ request: TwilioHTTPRequest) -> FormParameters {
        FormParameters.decode(String(decoding: request.body ?? [], as: UTF8.self))
    }

    private func operation(_ operationID: String) throws -> OpenAPISpec.Operation {
        try #require(try OpenAPISpec.load(.events).operation(id: operationID))
    }

    private func query(_ request: TwilioHTTPRequest) -> FormParameters {
        FormParameters.decode(request.url.split(separator: "?", maxSplits: 1).dropFirst().first ?? "")
    }

    // MARK: Sinks

    @Test func createWebhookSink() async throws {
        let parameters = EventSinkCreateParameters.webhook(description: "Connector", destination: "https://example.com/twilio/events",
                                                           batchEvents: false)
        let request = try await harness.check("CreateSink") { client in
            let sink = try await client.events.createSink(parameters)
            #expect(sink.sid == sinkSid)
            #expect(sink.status == .initialized)
        }
        #expect(request.url.hasSuffix("/events/v1/Sinks"))
        let form = form(request)
        #expect(Set(form.items.map(\.name)) == (try operation("CreateSink").formParameters), "every CreateSink parameter is settable")
        #expect(form.values("SinkType") == ["webhook"])
        #expect(form.values("SinkConfiguration") == [#"{"batch_events":false,"destination":"https://example.com/twilio/events","method":"POST"}"#])
    }

    @Test func everySinkTypeIsSendable() async throws {
        let allowed = try operation("CreateSink").formParameterSchema("SinkType")["enum"] as? [String]
        #expect(Set(EventSinkCreateParameters.SinkType.allCases.map(\.rawValue)) == Set(allowed ?? []))
        for type in EventSinkCreateParameters.SinkType.allCases {
            let parameters = EventSinkCreateParameters(description: "Sink", sinkType: type, sinkConfiguration: ["write_key": "k"])
            try await harness.check("CreateSink") { _ = try await $0.events.createSink(parameters) }
        }
    }

    @Test func fetchUpdateDeleteSink() async throws {
        let fetch = try await harness.check("FetchSink") { client in
            let sink = try await client.events.fetchSink(sinkSid)
            #expect(sink.links?["sink_test"]?.hasSuffix("/Test") == true)
        }
        #expect(fetch.url.hasSuffix("/v1/Sinks/\(sinkSid)"))
        let update = try await harness.check("UpdateSink") { _ = try await $0.events.updateSink(sinkSid, description: "Renamed sink") }
        #expect(form(update).values("Description") == ["Renamed sink"])
        let delete = try await harness.check("DeleteSink") { try await $0.events.deleteSink(sinkSid) }
        #expect(delete.method == .delete)
    }

    @Test func listSinksWithEveryFilter() async throws {
        let request = try await harness.check("ListSink") { client in
            let sinks = try await client.events.listSinks(.init(inUse: true, status: .active, pageSize: 20)).collect()
            #expect(sinks.isEmpty == false)
        }
        let query = query(request)
        #expect(query.values("InUse") == ["true"])
        #expect(query.values("Status") == ["active"])
        #expect(Set(query.items.map(\.name)) == (try operation("ListSink").queryParameters.subtracting(["Page", "PageToken"])),
                "every ListSink filter is settable")
        let statuses = try OpenAPISpec.load(.events).resolve(["$ref": "#/components/schemas/sink_enum_status"])["enum"] as? [String]
        #expect(Set(EventSinkListFilter.Status.allCases.map(\.rawValue)) == Set(statuses ?? []))
    }

    @Test func testAndValidateSink() async throws {
        let test = try await harness.check("CreateSinkTest") { client in
            let answer = try await client.events.testSink(sinkSid)
            #expect(answer.result == "submitted")
        }
        #expect(test.url.hasSuffix("/v1/Sinks/\(sinkSid)/Test"))
        let validate = try await harness.check("CreateSinkValidate") { client in
            let answer = try await client.events.validateSink(sinkSid, testID: "cae2f9e2-c277-4612-8ad3-93c1a7a3ef88")
            #expect(answer.result == "valid")
        }
        #expect(form(validate).values("TestId") == ["cae2f9e2-c277-4612-8ad3-93c1a7a3ef88"])
    }

    // MARK: Subscriptions

    @Test func createSubscriptionWithEveryParameter() async throws {
        let parameters = EventSubscriptionCreateParameters(
            description: "Message status", sinkSid: sinkSid,
            types: [EventTypeSelection(delivered, schemaVersion: 1), EventTypeSelection("com.twilio.messaging.message.failed")])
        let request = try await harness.check("CreateSubscription") { client in
            let subscription = try await client.events.createSubscription(parameters)
            #expect(subscription.sid == subscriptionSid)
            #expect(subscription.sinkSid == sinkSid)
        }
        let form = form(request)
        #expect(Set(form.items.map(\.name)) == (try operation("CreateSubscription").formParameters), "every CreateSubscription parameter is settable")
        #expect(form.values("Types") == [#"{"schema_version":1,"type":"com.twilio.messaging.message.delivered"}"#,
                                         #"{"type":"com.twilio.messaging.message.failed"}"#])
    }

    @Test func fetchListUpdateDeleteSubscriptions() async throws {
        try await harness.check("FetchSubscription") { _ = try await $0.events.fetchSubscription(subscriptionSid) }
        let list = try await harness.check("ListSubscription") { client in
            _ = try await client.events.listSubscriptions(sinkSid: sinkSid, pageSize: 50).firstPageOnly()
        }
        #expect(Set(query(list).items.map(\.name)) == (try operation("ListSubscription").queryParameters.subtracting(["Page", "PageToken"])))
        let update = try await harness.check("UpdateSubscription") { _ = try await $0.events.updateSubscription(subscriptionSid, description: "New") }
        #expect(Set(form(update).items.map(\.name)) == (try operation("UpdateSubscription").formParameters))
        try await harness.check("DeleteSubscription") { try await $0.events.deleteSubscription(subscriptionSid) }
    }

    @Test func subscribedEvents() async throws {
        let list = try await harness.check("ListSubscribedEvent") { client in
            let events = try await client.events.listSubscribedEvents(subscriptionSid: subscriptionSid, limit: 10).collect()
            #expect(events.first?.schemaVersion == 2)
        }
        #expect(list.url.hasSuffix("/v1/Subscriptions/\(subscriptionSid)/SubscribedEvents?PageSize=10"))
        let add = try await harness.check("CreateSubscribedEvent") { client in
            let event = try await client.events.addSubscribedEvent(EventTypeSelection(delivered, schemaVersion: 2), subscriptionSid: subscriptionSid)
            #expect(event.type == delivered)
        }
        #expect(Set(form(add).items.map(\.name)) == (try operation("CreateSubscribedEvent").formParameters))
        #expect(form(add).values("SchemaVersion") == ["2"])
        let fetch = try await harness.check("FetchSubscribedEvent") { _ = try await $0.events.fetchSubscribedEvent(delivered, subscriptionSid: subscriptionSid) }
        #expect(fetch.url.hasSuffix("/SubscribedEvents/\(delivered)"))
        let update = try await harness.check("UpdateSubscribedEvent") {
            _ = try await $0.events.updateSubscribedEvent(delivered, subscriptionSid: subscriptionSid, schemaVersion: 3)
        }
        #expect(form(update).values("SchemaVersion") == ["3"])
        try await harness.check("DeleteSubscribedEvent") { try await $0.events.removeSubscribedEvent(delivered, subscriptionSid: subscriptionSid) }
    }

    // MARK: Types and schemas

    @Test func typesAndSchemas() async throws {
        let list = try await harness.check("ListEventType") { client in
            let types = try await client.events.listTypes(schemaID: "Messaging.MessageStatus", pageSize: 20).firstPageOnly()
            #expect(types.items.contains { $0.status == .available })
        }
        #expect(Set(query(list).items.map(\.name)) == (try operation("ListEventType").queryParameters.subtracting(["Page", "PageToken"])))
        try await harness.check("FetchEventType") { client in
            let type = try await client.events.fetchType(delivered)
            #expect(type.schemaId == "Messaging.MessageStatus")
            #expect(type.status == .available)
        }
        try await harness.check("FetchSchema") { client in
            let schema = try await client.events.fetchSchema("Messaging.MessageStatus")
            #expect(schema.latestVersion != nil)
        }
        try await harness.check("ListSchemaVersion") { _ = try await $0.events.listSchemaVersions(schemaID: "Messaging.MessageStatus").collect() }
        try await harness.check("FetchSchemaVersion") { client in
            let version = try await client.events.fetchSchemaVersion(1, schemaID: "Messaging.MessageStatus")
            #expect(version.raw?.hasPrefix("https://events-schemas.twilio.com/") == true)
        }
    }

    @Test func everyOperationOfTheSpecIsCovered() throws {
        let spec = try OpenAPISpec.load(.events)
        var operationIDs: Set<String> = []
        for (_, item) in spec.document["paths"] as? [String: Any] ?? [:] {
            for (_, value) in item as? [String: Any] ?? [:] {
                if let id = (value as? [String: Any])?["operationId"] as? String { operationIDs.insert(id) }
            }
        }
        #expect(operationIDs == [
            "CreateSink", "FetchSink", "ListSink", "UpdateSink", "DeleteSink", "CreateSinkTest", "CreateSinkValidate",
            "CreateSubscription", "FetchSubscription", "ListSubscription", "UpdateSubscription", "DeleteSubscription",
            "ListSubscribedEvent", "CreateSubscribedEvent", "FetchSubscribedEvent", "UpdateSubscribedEvent", "DeleteSubscribedEvent",
            "ListEventType", "FetchEventType", "FetchSchema", "ListSchemaVersion", "FetchSchemaVersion",
        ], "a new operation in the spec needs a method and a test here")
    }

    // MARK: Models

    @Test func modelsDecodeEveryExample() throws {
        for operation in ["CreateSink", "FetchSink", "UpdateSink"] {
            try ContractHarness.decodeExamples(operation, in: .events, as: EventSink.self)
        }
        try ContractHarness.decodeListExamples("ListSink", in: .events, of: EventSink.self)
        try ContractHarness.decodeExamples("CreateSinkTest", in: .events, as: EventSinkResult.self)
        try ContractHarness.decodeExamples("CreateSinkValidate", in: .events, as: EventSinkResult.self)
        for operation in ["CreateSubscription", "FetchSubscription", "UpdateSubscription"] {
            try ContractHarness.decodeExamples(operation, in: .events, as: EventSubscription.self)
        }
        try ContractHarness.decodeListExamples("ListSubscription", in: .events, of: EventSubscription.self)
        for operation in ["CreateSubscribedEvent", "FetchSubscribedEvent", "UpdateSubscribedEvent"] {
            try ContractHarness.decodeExamples(operation, in: .events, as: SubscribedEvent.self)
        }
        try ContractHarness.decodeListExamples("ListSubscribedEvent", in: .events, of: SubscribedEvent.self)
        try ContractHarness.decodeExamples("FetchEventType", in: .events, as: EventType.self)
        try ContractHarness.decodeListExamples("ListEventType", in: .events, of: EventType.self)
        try ContractHarness.decodeExamples("FetchSchema", in: .events, as: EventSchema.self)
        try ContractHarness.decodeExamples("FetchSchemaVersion", in: .events, as: EventSchemaVersion.self)
        try ContractHarness.decodeListExamples("ListSchemaVersion", in: .events, of: EventSchemaVersion.self)
    }

    @Test func modelsCoverEveryPropertyOfTheirSchemas() throws {
        let spec = try OpenAPISpec.load(.events)
        func properties(_ schema: String) -> Set<String> {
            let resolved = spec.resolve(["$ref": "#/components/schemas/\(schema)"])
            return Set((resolved["properties"] as? [String: Any] ?? [:]).keys)
        }
        // Every property set in JSON decodes to a non-nil value: none is silently ignored.
        let sink = EventSink(sid: "DG", description: "d", sinkConfiguration: ["k": "v"], sinkType: .webhook, status: .active,
                             dateCreated: Date(), dateUpdated: Date(), url: "u", links: ["a": "b"])
        #expect(try ContractHarness.encodedKeys(sink) == properties("events.v1.sink"))
        let subscription = EventSubscription(sid: "DF", accountSid: "AC", description: "d", sinkSid: "DG", dateCreated: Date(),
                                             dateUpdated: Date(), url: "u", links: [:])
        #expect(try ContractHarness.encodedKeys(subscription) == properties("events.v1.subscription"))
        let subscribed = SubscribedEvent(accountSid: "AC", type: "t", schemaVersion: 1, subscriptionSid: "DF", url: "u")
        #expect(try ContractHarness.encodedKeys(subscribed) == properties("events.v1.subscription.subscribed_event"))
        let type = EventType(type: "t", schemaId: "s", description: "d", status: .available, documentationUrl: "u",
                             dateCreated: Date(), dateUpdated: Date(), url: "u", links: [:])
        #expect(try ContractHarness.encodedKeys(type) == properties("events.v1.event_type"))
        let schema = EventSchema(id: "i", latestVersion: 1, latestVersionDateCreated: Date(), url: "u", links: [:])
        #expect(try ContractHarness.encodedKeys(schema) == properties("events.v1.schema"))
        let version = EventSchemaVersion(id: "i", schemaVersion: 1, dateCreated: Date(), url: "u", raw: "r")
        #expect(try ContractHarness.encodedKeys(version) == properties("events.v1.schema.schema_version"))
        let sinkTypes = spec.resolve(["$ref": "#/components/schemas/sink_enum_sink_type"])["enum"] as? [String]
        #expect(Set(EventSink.SinkType.allCases.filter { $0 != .unknown }.map(\.rawValue)) == Set(sinkTypes ?? []))
    }

    @Test func decodedValuesKeepTwilioForms() throws {
        let example = try #require(try operation("ListSink").responseExamples.first { $0.name == "readResultsStatus" })
        let sink = try #require(try TwilioJSON.decoder.decode(PageEnvelope<EventSink>.self, from: example.json).items.first)
        #expect(sink.sinkType == .webhook)
        #expect(sink.status == .active)
        #expect(sink.sinkConfiguration == ["destination": "http://example.org/webhook", "method": "POST", "batch_events": true])
        #expect(sink.dateCreated == TwilioDateFormat.date(from: "2015-07-30T21:00:00Z"))
        let unknown = try TwilioJSON.decoder.decode(EventSink.self, from: Data(#"{"sink_type":"pigeon","status":"resting"}"#.utf8))
        #expect(unknown.sinkType == .unknown)
        #expect(unknown.status == .unknown)
    }
}
