import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// What a WhatsApp user does in the sandbox — tap a quick-reply button, share a location —
/// reaches newWhatsappMessage's output, through the webhook the sandbox posts as Twilio does.
@Suite("newWhatsappMessage from the sandbox's WhatsApp handsets", .serialized)
struct WhatsAppTriggerTests {
    /// The event newWhatsappMessage makes of the webhook the handset `+14155550186` sends with `form`.
    private func event(_ fixture: ConnectorFixture, _ form: [(String, String)]) async throws -> [String: JSONValue] {
        let trigger = try #require(TriggerCatalogue.trigger(named: "newWhatsappMessage"))
        let owned = try #require(try await fixture.client.incomingPhoneNumbers.list().collect().first { $0.phoneNumber == "+15005550006" }?.sid)
        _ = try await fixture.client.incomingPhoneNumbers.update(owned, .init(smsURL: fixture.sandbox.baseURL + "/twimlets/echo?Twiml=%3CResponse%2F%3E"))
        let before = try await fixture.sandboxJSON("/sandbox/webhooks").array("webhooks")?.count ?? 0
        try await fixture.whatsAppUserWrites("+14155550186", form)
        for _ in 0..<250 {
            let deliveries = (try await fixture.sandboxJSON("/sandbox/webhooks").array("webhooks") ?? []).compactMap(\.objectFields)
            if deliveries.count > before, let parameters = deliveries.last(where: { $0.text("url")?.contains("/twimlets/echo") == true })?.object("parameters") {
                let webhook = WebhookParameters(parameters.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value.scalarText ?? "") })
                let receipt = try trigger.receive(webhook, settings: [:], idempotencyToken: nil, receivedAt: Date()).get()
                return try #require(receipt.event?.data.objectFields)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw SeedWorld.Failure(description: "the sandbox sent no webhook")
    }

    @Test func aQuickReplyTapReachesTheTriggersOutput() async throws {
        try await ConnectorFixture.with { fixture in
            let reminder = await fixture.run("sendWhatsAppMessage", [
                "To": "+14155550186", "From": "+15005550006", "useTemplate": true,
                "ContentSid": .string(try await fixture.demoTemplate("appointment_reminder")), "ContentVariables": ["1": "Ada"],
            ])
            let data = try await event(fixture, [("ButtonText", "Reschedule"), ("ButtonPayload", "reschedule"), ("ProfileName", "Ada")])
            #expect(data.text("body") == "Reschedule")
            #expect(data.text("buttonText") == "Reschedule")
            #expect(data.text("buttonPayload") == "reschedule")
            #expect(data.text("profileName") == "Ada")
            #expect(data.text("waId") == "14155550186")
            #expect(data.text("originalRepliedMessageSid") == reminder.text("sid"))
            #expect(data.text("originalRepliedMessageSender") == "whatsapp:+15005550006")
            #expect(data.flag("forwarded") == false)
            #expect(data["latitude"] == .null)
        }
    }

    @Test func aSharedLocationReachesTheTriggersOutput() async throws {
        try await ConnectorFixture.with { fixture in
            let data = try await event(fixture, [
                ("Latitude", "51.51322977399644"), ("Longitude", "-0.2197976373036567"),
                ("Address", "187 Freston Road, London W10 6TH"), ("Label", "The Harrow Club"),
            ])
            #expect(data.number("latitude") == 51.51322977399644)
            #expect(data.number("longitude") == -0.2197976373036567)
            #expect(data.text("address") == "187 Freston Road, London W10 6TH")
            #expect(data.text("label") == "The Harrow Club")
            #expect(data["buttonText"] == .null)
        }
    }
}
