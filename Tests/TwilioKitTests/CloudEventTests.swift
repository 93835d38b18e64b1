import Foundation
import Testing
@testable import TwilioKit

/// Event Streams deliveries: CloudEvents 1.0 JSON, one object or an array per request, with the
/// payloads Twilio documents (test event, inbound message, message status).
@Suite("CloudEvents and sink deliveries")
struct CloudEventTests {
    let testEvent = #"{"specversion":"1.0","type":"com.twilio.eventstreams.test-event","source":"Sink","id":"AC11111111111111111111111111111111","dataschema":"https://events-schemas.twilio.com/EventStreams.TestSink/1.json","datacontenttype":"application/json","time":"2026-06-10T06:02:54.377Z","data":{"test_id":"cae2f9e2-c277-4612-8ad3-93c1a7a3ef88"}}"#

    let statusEvent = """
    {
      "specversion": "1.0",
      "type": "com.twilio.messaging.message.delivered",
      "source": "/2010-04-01/Accounts/AC0000000000000000000000000000001/Messages/SM0000000000000000000000000000001.json",
      "id": "EZ00000000000000000000000000000001",
      "dataschema": "https://events-schemas.twilio.com/Messaging.MessageStatus/8",
      "datacontenttype": "application/json",
      "time": "2025-01-01T00:00:00.000Z",
      "data": {
        "messageSid": "SM0000000000000000000000000000001",
        "accountSid": "AC0000000000000000000000000000001",
        "messageStatus": "DELIVERED",
        "numberOfSegments": 1,
        "rawDlrDoneDate": "2501010000",
        "tags": {}
      }
    }
    """

    @Test func aBatchIsAnArray() throws {
        let delivery = try EventSinkDelivery(body: Array(("\n [" + testEvent + "," + statusEvent + "]").utf8))
        #expect(delivery.isBatch)
        #expect(delivery.events.map(\.type) == [CloudEvent.sinkTestEventType, "com.twilio.messaging.message.delivered"])
        let test = try #require(delivery.events.first)
        #expect(test.data == ["test_id": "cae2f9e2-c277-4612-8ad3-93c1a7a3ef88"])
        #expect(test.source == "Sink")
        #expect(test.date == TwilioDateFormat.date(from: "2026-06-10T06:02:54.377Z"))
    }

    @Test func aSingleEventIsAnObject() throws {
        let delivery = try EventSinkDelivery(body: Array(statusEvent.utf8))
        #expect(!delivery.isBatch)
        let event = try #require(delivery.events.first)
        #expect(delivery.events.count == 1)
        #expect(event.specversion == "1.0")
        #expect(event.id == "EZ00000000000000000000000000000001")
        #expect(event.dataschema == "https://events-schemas.twilio.com/Messaging.MessageStatus/8")
        #expect(event.datacontenttype == "application/json")
        guard case .object(let data)? = event.data else {
            Issue.record("data is not an object")
            return
        }
        #expect(data["messageStatus"] == "DELIVERED", "payload keys stay camelCase")
        #expect(data["numberOfSegments"] == 1)
        #expect(data["tags"] == .object([:]))
    }

    @Test func optionalAttributesMayBeAbsent() throws {
        let minimal = #"{"specversion":"1.0","id":"1","type":"t","source":"s"}"#
        let event = try #require(try EventSinkDelivery(body: Array(minimal.utf8)).events.first)
        #expect(event.time == nil && event.date == nil && event.data == nil && event.dataschema == nil)
        let offset = CloudEvent(id: "1", type: "t", source: "s", time: "2025-01-01T01:00:00+01:00")
        #expect(offset.time == "2025-01-01T01:00:00+01:00", "times are kept as written")
    }

    @Test func malformedBodiesThrow() {
        #expect(throws: DecodingError.self) { try EventSinkDelivery(body: Array("[{}]".utf8)) }
        #expect(throws: DecodingError.self) { try EventSinkDelivery(body: Array("not json".utf8)) }
        #expect(throws: DecodingError.self) { try EventSinkDelivery(body: [UInt8]()) }
    }

    @Test func deliveriesRoundTrip() throws {
        let events = try EventSinkDelivery(body: Array(("[" + testEvent + "," + statusEvent + "]").utf8)).events
        for delivery in [EventSinkDelivery(events: events, isBatch: true), EventSinkDelivery(events: [events[1]], isBatch: false)] {
            let body = try delivery.body()
            #expect(try EventSinkDelivery(body: body) == delivery)
        }
        let single = try EventSinkDelivery(events: [events[0]], isBatch: false).body()
        #expect(single.first == UInt8(ascii: "{"))
        #expect(String(decoding: single, as: UTF8.self).contains(#""dataschema":"https://events-schemas.twilio.com/EventStreams.TestSink/1.json""#),
                "slashes are not escaped")
        #expect(throws: EncodingError.self) { try EventSinkDelivery(events: events, isBatch: false).body() }
    }

    @Test func aSignedDeliveryValidates() throws {
        // The sandbox signs deliveries like Twilio: bodySHA256 in the URL, the URL signed alone.
        let body = try EventSinkDelivery(events: [CloudEvent(id: "EZ1", type: "com.twilio.messaging.message.sent", source: "/x")], isBatch: true).body()
        let signed = TwilioRequestSigner(authToken: "token").signedJSONRequest(url: "https://example.com/twilio/events", body: body)
        let validator = TwilioRequestValidator(authToken: "token")
        #expect(validator.check(url: signed.url, body: body, signature: signed.headers[0].value, signatureSettings: nil)
            == .valid(keyID: nil, algorithm: .hmacSHA1))
    }
}
