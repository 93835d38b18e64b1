import ConnectorServer
import ConnectorStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// `/registrations` (the Registrar over HTTP, behind the API token) and `/webhooks/twilio/events`
/// (Event Streams deliveries in).
@Suite("Registrations and Event Streams over HTTP")
struct RegistrationRouteTests {
    static let token = "registrations-token-0123456789"

    /// A JSON request with the API token; the answer's status and JSON object.
    static func call(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String,
                     _ body: String? = nil) async throws -> (status: HTTPResponse.Status, json: [String: JSONValue]) {
        try await client.execute(uri: uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                 body: body.map { ByteBuffer(string: $0) }) { response in
            (response.status, (try? ServerFixture.json(response)) ?? [:])
        }
    }

    /// A request to the sandbox (a Twilio path or its inspection API) as its main account; the answer as JSON.
    static func sandbox(_ fixture: ServerFixture, _ method: TwilioKit.HTTPMethod, _ path: String, form: [(String, String)] = []) async throws -> JSONValue {
        let configuration = fixture.sandbox.configuration
        var headers = [(name: "Authorization", value: "Basic " + Data("\(configuration.accountSID):\(configuration.authToken)".utf8).base64EncodedString())]
        var body: [UInt8]?
        if !form.isEmpty {
            var parameters = FormParameters()
            for (name, value) in form { parameters.add(name, value) }
            headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded"))
            body = Array(parameters.encoded.utf8)
        }
        let response = try await HTTP1Transport().execute(
            TwilioHTTPRequest(method: method, url: fixture.sandbox.baseURL + path, headers: headers, body: body), timeout: .seconds(10))
        return try JSONParser.parse(response.body)
    }

    /// The number `phoneNumber` of the sandbox's account.
    static func number(_ phoneNumber: String, _ fixture: ServerFixture) async throws -> IncomingPhoneNumber {
        let client = TwilioClient(configuration: fixture.sandbox.clientConfiguration)
        return try #require(try await client.incomingPhoneNumbers.list(.init(phoneNumber: phoneNumber)).collect().first)
    }

    @Test func registrationsAreMadeListedAndRemovedOverHTTPWithTheRegistrarsRefusals() async throws {
        try await ServerFixture.with(apiTokens: [Self.token], webhookBaseURL: { ServerFixture.publicURL }) { fixture, router in
            try await Application(router: router).test(.router) { client in
                try await client.execute(uri: "/registrations", method: .get) { #expect($0.status == .unauthorized) }

                let created = try await Self.call(client, .post, "/registrations",
                                                  #"{"trigger": "newSms", "phoneNumber": "+14155550100", "settings": {"Reply": "Hi"}}"#)
                #expect(created.status == .created, "\(created.json)")
                #expect(created.json["url"]?.scalarText == ServerFixture.publicURL + "/webhooks/twilio/newSms?Reply=Hi")
                #expect(created.json["via"]?.scalarText == "number" && created.json["field"]?.scalarText == "SmsUrl")
                let id = try #require(created.json["id"]?.scalarText)

                let taken = try await Self.call(client, .post, "/registrations",
                                                #"{"trigger": "newWhatsappMessage", "phoneNumber": "+14155550100", "replace": true}"#)
                #expect(taken.status == .conflict && taken.json["reason"]?.scalarText == "alreadyRegistered")
                let perMessage = try await Self.call(client, .post, "/registrations", #"{"trigger": "messageStatus", "phoneNumber": "+14155550100"}"#)
                #expect(perMessage.status == .badRequest && perMessage.json["reason"]?.scalarText == "notPlaceable")
                let invalid = try await Self.call(client, .post, "/registrations", #"{"trigger": "newSms", "colour": "red"}"#)
                #expect(invalid.status == .badRequest && invalid.json["error"]?.scalarText?.contains("colour") == true)

                let listed = try await Self.call(client, .get, "/registrations")
                #expect(listed.json["registrations"] == .array([.object(created.json)]))
                #expect(try await Self.call(client, .get, "/registrations/\(id)").json == created.json)
                #expect(try await Self.call(client, .get, "/registrations/reg_unknown").status == .notFound)

                let numberSid = try #require(try await Self.number("+14155550100", fixture).sid)
                _ = try await TwilioClient(configuration: fixture.sandbox.clientConfiguration).incomingPhoneNumbers
                    .update(numberSid, .init(smsURL: "https://someone.example.com/sms"))
                let changed = try await Self.call(client, .delete, "/registrations/\(id)")
                #expect(changed.status == .conflict && changed.json["reason"]?.scalarText == "changedSinceRegistration")
                #expect(changed.json["differences"]?.arrayValue?.first?.objectFields?["actual"]?.scalarText == "https://someone.example.com/sms")
                let forced = try await Self.call(client, .delete, "/registrations/\(id)?force=true")
                #expect(forced.status == .ok && forced.json["removed"]?.objectFields?["id"]?.scalarText == id)
                #expect((try await Self.number("+14155550100", fixture).smsUrl ?? "").isEmpty)
                #expect(try await Self.call(client, .delete, "/registrations/\(id)").status == .notFound)
            }
        }
    }

    @Test func cloudEventsAreStoredOncePerHappeningAndTheirSinkTestsRecorded() async throws {
        try await ServerFixture.with { fixture, router in
            try await Application(router: router).test(.router) { client in
                let inbound = CloudEvent(id: "EZ1", type: "com.twilio.messaging.inbound-message.received", source: "/Messages/SM1.json",
                                         data: ["messageSid": "SM11111111111111111111111111111111", "from": "+14155550123", "to": "+15005550006",
                                                "body": "Hello", "numMedia": 0, "eventName": "com.twilio.messaging.inbound-message.received"])
                let delivered = CloudEvent(id: "EZ2", type: "com.twilio.messaging.message.delivered", source: "/Messages/SM2.json",
                                           data: ["messageSid": "SM22222222222222222222222222222222", "messageStatus": "DELIVERED"])
                let test = CloudEvent(id: "AC1", type: CloudEvent.sinkTestEventType, source: "Sink", data: ["test_id": "test-1"])
                let other = CloudEvent(id: "EZ3", type: "com.twilio.studio.flow.execution.started", source: "/Flows/FW1")
                let body = try EventSinkDelivery(events: [inbound, delivered, test, other], isBatch: true).body()
                let (url, headers) = TwilioRequestSigner(authToken: fixture.authToken)
                    .signedJSONRequest(url: ServerFixture.publicURL + "/webhooks/twilio/events", body: body)
                let uri = String(url.dropFirst(ServerFixture.publicURL.count))
                var fields: HTTPFields = [.contentType: "application/json"]
                for header in headers { fields[HTTPField.Name(header.name)!] = header.value }
                for expected: JSONValue in [["stored": 2, "duplicates": 0, "ignored": 1, "sinkTests": 1],
                                            ["stored": 0, "duplicates": 2, "ignored": 1, "sinkTests": 1]] {
                    try await client.execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(bytes: body)) { response in
                        #expect(response.status == .ok)
                        let answer = try JSONParser.parse(response.body.readableBytesView)
                        #expect(answer == expected)
                    }
                }
                let events = try await fixture.store.events(EventQuery(trigger: nil, limit: 10))
                #expect(events.map(\.trigger) == ["newSms", "messageStatus"])
                #expect(events.first?.data.objectFields?["body"] == "Hello")
                #expect(events.last?.data.objectFields?["messageStatus"] == "delivered")
                #expect(try await fixture.store.sinkTests(limit: 5) == ["test-1"])

                fields[HTTPField.Name(TwilioRequestSigner.signatureHeader)!] = "bm90LXNpZ25lZA=="
                try await client.execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(bytes: body)) { #expect($0.status == .forbidden) }
            }
        }
    }

    @Test func anInboundSMSThroughEventStreamsIsTheSameEventAsThroughTheNumberAndUnregisterRemovesTheSink() async throws {
        let base = Mutex<String?>(nil)
        try await ServerFixture.with(apiTokens: [Self.token], publicURL: nil, webhookBaseURL: { base.withLock { $0 } }) { fixture, router in
            try await Application(router: router).test(.live) { client in
                base.withLock { $0 = "http://127.0.0.1:\(client.port ?? 0)" }
                let streams = try await Self.call(client, .post, "/registrations", #"{"trigger": "newSms", "via": "event-streams"}"#)
                #expect(streams.status == .created, "\(streams.json)")
                let sinkSid = try #require(streams.json["resourceSid"]?.scalarText)
                let events = TwilioClient(configuration: fixture.sandbox.clientConfiguration).events
                #expect(try await events.fetchSink(sinkSid).status == .active, "validated through the connector's /webhooks/twilio/events")
                let subscriptions = try await events.listSubscriptions(sinkSid: sinkSid).collect()
                #expect(subscriptions.count == 1)
                let number = try await Self.call(client, .post, "/registrations", #"{"trigger": "newSms", "phoneNumber": "+15005550006"}"#)
                #expect(number.status == .created, "\(number.json)")

                _ = try await Self.sandbox(fixture, .post, "/sandbox/handsets/+14155550123/messages", form: [("To", "+15005550006"), ("Body", "Both ways")])
                // Both deliveries of the message reached the connector: the number's form webhook and the CloudEvent.
                var log: [JSONValue] = []
                for _ in 0..<200 {
                    log = try await Self.sandbox(fixture, .get, "/sandbox/webhooks").objectFields?["webhooks"]?.arrayValue ?? []
                    let answered = log.filter { $0.objectFields?["response_status"] == 200 }
                    if answered.contains(where: { $0.objectFields?["body"]?.scalarText?.contains("Both ways") == true }),
                       answered.contains(where: { $0.objectFields?["parameters"]?.objectFields?["Body"] == "Both ways" }) { break }
                    try await Task.sleep(for: .milliseconds(25))
                }
                let form = try #require(log.first { $0.objectFields?["parameters"]?.objectFields?["Body"] == "Both ways" }?.objectFields?["parameters"]?.objectFields)
                let cloudBody = try #require(log.first { $0.objectFields?["body"]?.scalarText?.contains("Both ways") == true }?.objectFields?["body"]?.scalarText)
                let newSms = try #require(TriggerCatalogue.trigger(named: "newSms"))
                let viaNumber = try newSms.receive(WebhookParameters(form.sorted { $0.key < $1.key }.compactMap { key, value in value.scalarText.map { (key, $0) } }),
                                                   settings: [:], idempotencyToken: nil, receivedAt: Date()).get().event?.data
                let cloudEvent = try #require(try EventSinkDelivery(body: Array(cloudBody.utf8)).events.first)
                let translation = try #require(CloudEventTranslation.translate(cloudEvent))
                let viaStreams = try translation.trigger.receive(translation.parameters, settings: [:], idempotencyToken: cloudEvent.id,
                                                                 receivedAt: Date()).get().event?.data
                #expect(viaNumber != nil && viaNumber == viaStreams, "the same output both ways")
                let stored = try await fixture.store.events(EventQuery(trigger: "newSms", limit: 10))
                #expect(stored.map(\.data) == [try #require(viaNumber)], "stored once")
                #expect(stored.first?.data.objectFields?["accountSid"]?.scalarText == fixture.sandbox.configuration.accountSID)

                #expect(try await Self.call(client, .delete, "/registrations/\(try #require(number.json["id"]?.scalarText))").status == .ok)
                #expect(try await Self.call(client, .delete, "/registrations/\(try #require(streams.json["id"]?.scalarText))").status == .ok)
                await #expect(throws: TwilioError.self, "the sink it created is gone") { try await events.fetchSink(sinkSid) }
                #expect(try await events.listSubscriptions().collect().isEmpty, "and its subscription")
                #expect(try await Self.call(client, .get, "/registrations").json["registrations"] == [])
            }
        }
    }
}

extension JSONValue {
    /// The items of an array.
    var arrayValue: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
}
