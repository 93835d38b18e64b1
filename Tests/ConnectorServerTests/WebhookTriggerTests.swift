import ConnectorStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TwilioConnector
import TwilioKit

/// Twilio's webhooks in: signed, stored once, answered; and read back by poll.
struct WebhookTriggerTests {
    static let inboundSMS: [(String, String)] = [
        ("MessageSid", "SM11111111111111111111111111111111"), ("AccountSid", "AC5a4db0c05a4db0c05a4db0c05a4db0c0"),
        ("From", "+14155550123"), ("To", "+15005550006"), ("Body", "Hello there"), ("NumMedia", "1"),
        ("MediaUrl0", "https://api.twilio.com/media/ME1"), ("MediaContentType0", "image/png"), ("FromCity", "SAN FRANCISCO"),
    ]

    @Test func aSignedInboundSMSIsStoredOnceAndAnsweredWithTwiML() async throws {
        try await ServerFixture.with { fixture, router in
            try await Application(router: router).test(.router) { client in
                for _ in 0..<2 {
                    try await fixture.postSigned(client, "/webhooks/twilio/newSms?Reply=Thanks", form: Self.inboundSMS) { response in
                        #expect(response.status == .ok)
                        #expect(response.headers[.contentType] == "application/xml")
                        #expect(String(buffer: response.body).contains("<Message>Thanks</Message>"))
                    }
                }
                let events = try await fixture.store.events(EventQuery(trigger: "newSms", limit: 10))
                #expect(events.count == 1)
                #expect(events.first?.data.objectFields?["body"] == "Hello there")
                #expect(events.first?.data.objectFields?["numMedia"] == 1)
                #expect(events.first?.data.objectFields?["media"] == [["url": "https://api.twilio.com/media/ME1", "contentType": "image/png"]])
                #expect(events.first?.data.objectFields?["fromCity"] == "SAN FRANCISCO")
            }
        }
    }

    @Test func aWrongOrMissingSignatureIsRefusedAndNothingStored() async throws {
        try await ServerFixture.with { fixture, router in
            try await Application(router: router).test(.router) { client in
                try await fixture.postSigned(client, "/webhooks/twilio/newSms", form: Self.inboundSMS, signature: "bm90IHRoZSBzaWduYXR1cmU=") { response in
                    #expect(response.status == .forbidden)
                    let error = try ServerFixture.json(response)["error"]?.scalarText ?? ""
                    #expect(error.contains("https://hooks.example.com/webhooks/twilio/newSms"))
                }
                var tampered = Self.inboundSMS
                let signature = TwilioRequestValidator(authToken: fixture.authToken)
                    .signature(url: ServerFixture.publicURL + "/webhooks/twilio/newSms", parameters: tampered)
                tampered[4] = ("Body", "Send money")
                try await fixture.postSigned(client, "/webhooks/twilio/newSms", form: tampered, signature: signature) { response in
                    #expect(response.status == .forbidden)
                }
                try await client.execute(uri: "/webhooks/twilio/newSms", method: .post,
                                         headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "Body=x")) { response in
                    #expect(response.status == .forbidden)
                }
                #expect(try await fixture.store.latestSequence() == 0)
            }
        }
    }

    @Test func anUnknownTriggerIs404AfterTheSignatureCheck() async throws {
        try await ServerFixture.with { fixture, router in
            try await Application(router: router).test(.router) { client in
                try await fixture.postSigned(client, "/webhooks/twilio/newFax", form: Self.inboundSMS) { response in
                    #expect(response.status == .notFound)
                }
                try await fixture.postSigned(client, "/webhooks/twilio/newFax", form: Self.inboundSMS, signature: "x") { response in
                    #expect(response.status == .forbidden)
                }
            }
        }
    }

    @Test func aWhatsAppMessagePostedToNewSmsIsAWhatsAppEvent() async throws {
        try await ServerFixture.with { fixture, router in
            try await Application(router: router).test(.router) { client in
                let form = [("MessageSid", "SM22222222222222222222222222222222"), ("From", "whatsapp:+14155550123"),
                            ("To", "whatsapp:+15005550006"), ("Body", "Yes"), ("ProfileName", "Ada"), ("WaId", "14155550123"),
                            ("ButtonPayload", "confirm"), ("Latitude", "51.5"), ("Longitude", "-0.2")]
                try await fixture.postSigned(client, "/webhooks/twilio/newSms", form: form) { #expect($0.status == .ok) }
                let events = try await fixture.store.events(EventQuery(trigger: nil, limit: 10))
                #expect(events.map(\.trigger) == ["newWhatsappMessage"])
                #expect(events.first?.data.objectFields?["profileName"] == "Ada")
                #expect(events.first?.data.objectFields?["latitude"] == 51.5)
            }
        }
    }

    @Test func statusCallbacksAreStoredOncePerStatusAndAnsweredEmpty() async throws {
        try await ServerFixture.with { fixture, router in
            try await Application(router: router).test(.router) { client in
                for status in ["sent", "delivered", "delivered"] {
                    let form = [("MessageSid", "SM33333333333333333333333333333333"), ("MessageStatus", status), ("To", "+14155550123"),
                                ("From", "+15005550006")]
                    try await fixture.postSigned(client, "/webhooks/twilio/messageStatus", form: form) { response in
                        #expect(response.status == .ok)
                        #expect(response.body.readableBytes == 0)
                    }
                }
                let events = try await fixture.store.events(EventQuery(trigger: "messageStatus", limit: 10))
                #expect(events.compactMap { $0.data.objectFields?["messageStatus"]?.scalarText } == ["sent", "delivered"])
            }
        }
    }

    @Test func aRetryWithTheSameIdempotencyTokenIsStoredOnce() async throws {
        try await ServerFixture.with { fixture, router in
            try await Application(router: router).test(.router) { client in
                let form = [("CallSid", "CA44444444444444444444444444444444"), ("RecordingStatus", "completed")]
                let token: HTTPFields = [HTTPField.Name("I-Twilio-Idempotency-Token")!: "a1b2c3"]
                for _ in 0..<2 {
                    try await fixture.postSigned(client, "/webhooks/twilio/newRecording", form: form, headers: token) { #expect($0.status == .ok) }
                }
                #expect(try await fixture.store.events(EventQuery(trigger: nil, limit: 10)).count == 1)
            }
        }
    }

    @Test func eventsArePolledAfterACursorWithFiltersInEitherDialect() async throws {
        try await ServerFixture.with { fixture, router in
            try await Application(router: router).test(.router) { client in
                for (index, from) in ["+14155550123", "+14155550999", "+14155550123"].enumerated() {
                    let form = [("MessageSid", "SM0000000000000000000000000000000\(index)"), ("From", from), ("To", "+15005550006"),
                                ("Body", "message \(index)")]
                    try await fixture.postSigned(client, "/webhooks/twilio/newSms", form: form) { #expect($0.status == .ok) }
                }
                var next = ""
                try await client.execute(uri: "/triggers/newSms/events?limit=1&From=%2B14155550123", method: .get) { response in
                    let page = try ServerFixture.json(response)
                    #expect(page["events"]?.arrayItems?.count == 1)
                    #expect(page["events"]?.arrayItems?.first?.objectFields?["data"]?.objectFields?["body"] == "message 0")
                    next = page["next"]?.scalarText ?? ""
                }
                try await client.execute(uri: "/triggers/new_sms/events?dialect=toolkit&from=%2B14155550123&after=\(next)", method: .get) { response in
                    let page = try ServerFixture.json(response)
                    let event = page["events"]?.arrayItems?.first?.objectFields
                    #expect(page["events"]?.arrayItems?.count == 1)
                    #expect(event?["trigger"] == "new_sms")
                    #expect(event?["data"]?.objectFields?["message_sid"] == "SM00000000000000000000000000000002")
                }
                try await client.execute(uri: "/triggers/newSms/events?after=nonsense", method: .get) { #expect($0.status == .badRequest) }
                try await client.execute(uri: "/triggers/newSms/events?Colour=red", method: .get) { response in
                    #expect(response.status == .badRequest)
                    let error = try ServerFixture.json(response)["error"]?.scalarText ?? ""
                    #expect(error.contains("Colour"))
                }
                try await client.execute(uri: "/triggers/newFax/events", method: .get) { #expect($0.status == .notFound) }
            }
        }
    }

    @Test func triggersAreListedWithSchemas() async throws {
        try await ServerFixture.with { fixture, router in
            try await Application(router: router).test(.router) { client in
                let first = try await client.execute(uri: "/triggers", method: .get) { response in
                    let triggers = try ServerFixture.json(response)["triggers"]?.arrayItems ?? []
                    #expect(triggers.compactMap { $0.objectFields?["name"]?.scalarText } ==
                        ["newSms", "newWhatsappMessage", "inboundCall", "messageStatus", "callStatus", "newRecording", "newTranscript"])
                    #expect(triggers.first?.objectFields?["toolkit"]?.objectFields?["output"]?.objectFields?["properties"]?.objectFields?["message_sid"] != nil)
                    return response.body
                }
                let again = try await client.execute(uri: "/triggers", method: .get) { $0.body }
                #expect(again == first, "the catalogue, built once, is answered whole every time")
            }
        }
    }
}

extension JSONValue {
    /// The items of an array.
    var arrayItems: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }
}
