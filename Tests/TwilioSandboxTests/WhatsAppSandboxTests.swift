import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

/// WhatsApp as Twilio runs it: the 24-hour customer-service window on the sandbox clock (63016),
/// registered senders (63007), template approval, read receipts, and inbound messages with
/// WhatsApp's parameters.
@Suite("Sandbox WhatsApp rules")
struct WhatsAppSandboxTests {
    static let handset = "whatsapp:+14155550123"
    static let sender = "whatsapp:+15005550006"

    @Test func freeFormOutsideTheWindowFailsWith63016AndTemplatesGoThrough() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let freeForm = try await sandbox.client.messages.create(.init(
                to: Self.handset, from: Self.sender, body: "Your table is ready", statusCallback: recorder.baseURL + "/status"))
            #expect(freeForm.status == .queued, "Twilio accepts it; WhatsApp refuses it")
            let failed = try await sandbox.settled(freeForm.sid)
            #expect(failed.status == .failed)
            #expect(failed.errorCode == 63016)
            #expect(failed.errorMessage == "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.")
            #expect(failed.price == nil)
            let callbacks = try await recorder.waitFor { $0.contains { $0.form.first("MessageStatus") == "failed" } }
            let callback = try #require(callbacks.first)
            #expect(callbacks.count == 1)
            #expect(callback.form.first("ErrorCode") == "63016")
            #expect(callback.form.first("ChannelPrefix") == "whatsapp")
            #expect(callback.form.first("ChannelToAddress") == "+1415555XXXX")

            let template = try await sandbox.client.messages.create(.init(
                to: Self.handset, from: Self.sender, contentSid: try await sandbox.demoTemplate("order_shipped")))
            #expect(try await sandbox.settled(template.sid).status == .delivered)
        }
    }

    @Test func anInboundMessageOpensTheWindowForADayOfSandboxTime() async throws {
        try await SandboxFixture.with { sandbox in
            #expect(try await sandbox.handsetWrites(Self.handset, to: Self.sender, [("Body", "Is my table ready?")]).status == 201)
            let reply = try await sandbox.client.messages.create(.init(to: Self.handset, from: Self.sender, body: "Yes, come in"))
            let delivered = try await sandbox.eventually({ try await sandbox.client.messages.fetch(reply.sid ?? "") }) { $0.status == .delivered }
            #expect(delivered.status == .delivered)

            let otherSender = try await sandbox.client.messages.create(.init(to: Self.handset, from: "whatsapp:+14155550100", body: "Hi"))
            #expect(try await sandbox.settled(otherSender.sid).errorCode == 63016, "the window is with the number written to")

            let almostADay = try await sandbox.inspect(.post, "/sandbox/clock", form: [("Advance", "23h59m")])
            #expect(almostADay.json["offset_seconds"] as? Int == 86_340)
            let stillOpen = try await sandbox.client.messages.create(.init(to: Self.handset, from: Self.sender, body: "Still here"))
            #expect(try await sandbox.settled(stillOpen.sid).status == .delivered)

            #expect(try await sandbox.inspect(.post, "/sandbox/clock", form: [("Advance", "2m")]).status == 200)
            let late = try await sandbox.client.messages.create(.init(to: Self.handset, from: Self.sender, body: "Anything else?"))
            #expect(try await sandbox.settled(late.sid).errorCode == 63016)

            try await sandbox.handsetWrites(Self.handset, to: "+15005550006", [("Body", "Back again")])
            let reopened = try await sandbox.client.messages.create(.init(to: Self.handset, from: Self.sender, body: "Welcome back"))
            #expect(try await sandbox.settled(reopened.sid).status == .delivered, "a bare To on the handset's side is the same sender")
        }
    }

    @Test func theClockOnlyMovesForward() async throws {
        try await SandboxFixture.with { sandbox in
            let before = try await sandbox.inspect(.get, "/sandbox/clock")
            #expect(before.json["offset_seconds"] as? Int == 0)
            for bad in ["-1h", "soon", "3x", "1h30", ""] {
                #expect(try await sandbox.inspect(.post, "/sandbox/clock", form: [("Advance", bad)]).status == 400, "\(bad)")
            }
            let advanced = try await sandbox.inspect(.post, "/sandbox/clock", form: [("Advance", "1d2h")])
            #expect(advanced.json["offset_seconds"] as? Int == 93_600)
            let now = try #require(TwilioDateFormat.date(from: advanced.json["now"] as? String ?? ""))
            #expect(abs(now.timeIntervalSinceNow - 93_600) < 60)
        }
    }

    @Test func onlyRegisteredSendersSendOnWhatsApp() async throws {
        try await SandboxFixture.with { sandbox in
            let senders = try await sandbox.inspect(.get, "/sandbox/whatsapp/senders")
            #expect(senders.json["senders"] as? [String] == ["whatsapp:+14155550100", "whatsapp:+14155550101", "whatsapp:+15005550006",
                                                             "whatsapp:+18005550100"])
            let stranger = "whatsapp:+14155550999"
            let refused = try await sandbox.client.messages.create(.init(
                to: Self.handset, from: stranger, contentSid: try await sandbox.demoTemplate("order_shipped")))
            let failed = try await sandbox.settled(refused.sid)
            #expect(failed.status == .failed)
            #expect(failed.errorCode == 63007)
            #expect(failed.errorMessage == "Twilio could not find a Channel with the specified From address")

            #expect(try await sandbox.inspect(.post, "/sandbox/whatsapp/senders", form: [("PhoneNumber", "+14155550999")]).status == 201)
            let registered = try await sandbox.client.messages.create(.init(
                to: Self.handset, from: stranger, contentSid: try await sandbox.demoTemplate("order_shipped")))
            #expect(try await sandbox.settled(registered.sid).status == .delivered)
            #expect(try await sandbox.request(.delete, "/sandbox/whatsapp/senders/whatsapp:+14155550999").status == 204)
            #expect(try await sandbox.request(.delete, "/sandbox/whatsapp/senders/whatsapp:+14155550999").status == 404)
            #expect(try await sandbox.inspect(.post, "/sandbox/whatsapp/senders", form: [("PhoneNumber", "ACME")]).status == 400)

            let mixed = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.messages.create(.init(to: Self.handset, from: "+15005550006", body: "Hi"))
            }
            #expect(mixed?.code == 21910)
        }
    }

    @Test func templatesNeedWhatsAppsApprovalOutsideTheWindow() async throws {
        try await SandboxFixture.with { sandbox in
            let created = try await sandbox.postJSON("/content/v1/Content", #"""
            {"friendly_name": "pickup", "language": "en", "types": {"twilio/text": {"body": "Your order is ready."}}}
            """#)
            let sid = try #require(created.json["sid"] as? String)
            func send() async throws -> Message {
                try await sandbox.settled(try await sandbox.client.messages.create(.init(to: Self.handset, from: Self.sender, contentSid: sid)).sid)
            }
            #expect(try await send().errorCode == 63016, "an unsubmitted template is free-form to WhatsApp")
            _ = try await sandbox.inspect(.post, "/sandbox/content/\(sid)/approval", form: [("Status", "rejected")])
            #expect(try await send().errorCode == 63040)
            _ = try await sandbox.inspect(.post, "/sandbox/content/\(sid)/approval", form: [("Status", "approved")])
            #expect(try await send().status == .delivered)
            _ = try await sandbox.inspect(.post, "/sandbox/content/\(sid)/approval", form: [("Status", "paused")])
            #expect(try await send().errorCode == 63041)
            _ = try await sandbox.inspect(.post, "/sandbox/content/\(sid)/approval", form: [("Status", "disabled")])
            try await sandbox.handsetWrites(Self.handset, to: Self.sender)
            #expect(try await send().errorCode == 63042, "a disabled template fails even inside the window")
            _ = try await sandbox.inspect(.post, "/sandbox/content/\(sid)/approval", form: [("Status", "pending")])
            #expect(try await send().status == .delivered, "inside the window, an unapproved template goes as a session message")
        }
    }

    @Test func theHandsetReadingAMessageSendsAReadReceipt() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let message = try await sandbox.client.messages.create(.init(
                to: Self.handset, from: Self.sender, contentSid: try await sandbox.demoTemplate("order_shipped"),
                statusCallback: recorder.baseURL + "/status"))
            _ = try await sandbox.eventually({ try await sandbox.client.messages.fetch(message.sid ?? "") }) { $0.status == .delivered }

            let read = try await sandbox.inspect(.post, "/sandbox/handsets/\(Self.handset)/read")
            #expect((read.json["read"] as? [[String: Any]])?.map { $0["status"] as? String } == ["read"])
            #expect(try await sandbox.client.messages.fetch(message.sid ?? "").status == .read)
            let callbacks = try await recorder.waitFor { $0.contains { $0.form.first("MessageStatus") == "read" } }
            #expect(callbacks.map { $0.form.first("MessageStatus") } == ["sent", "delivered", "read"])
            #expect(callbacks.last?.form.first("EventType") == "READ")
            #expect(callbacks.last?.form.first("SmsStatus") == "read")

            let again = try await sandbox.inspect(.post, "/sandbox/handsets/\(Self.handset)/read")
            #expect((again.json["read"] as? [[String: Any]])?.isEmpty == true, "a message is read once")
            let sms = try await sandbox.client.messages.create(.init(to: "+14155550123", from: "+15005550006", body: "Hi"))
            #expect(try await sandbox.inspect(.post, "/sandbox/handsets/+14155550123/read", form: [("MessageSid", sms.sid ?? "")]).status == 400)
        }
    }

    @Test func inboundWhatsAppCarriesQuickReplyTapsLocationsAndReplies() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let numbers = try await sandbox.client.incomingPhoneNumbers.list(.init(phoneNumber: "+15005550006")).collect()
            _ = try await sandbox.client.incomingPhoneNumbers.update(try #require(numbers.first?.sid), .init(smsURL: recorder.baseURL + "/wa"))
            let reminder = try await sandbox.client.messages.create(.init(
                to: Self.handset, from: Self.sender, contentSid: try await sandbox.demoTemplate("appointment_reminder")))

            let tap = try await sandbox.handsetWrites(Self.handset, to: Self.sender, [
                ("ButtonText", "Confirm"), ("ButtonPayload", "confirm"), ("ProfileName", "Ada"),
            ])
            #expect(tap.status == 201)
            #expect((tap.json["message"] as? [String: Any])?["body"] as? String == "Confirm", "a tap's body is the button's text")
            let tapHook = try #require(await recorder.received.last?.form)
            #expect(tapHook.first("ButtonText") == "Confirm")
            #expect(tapHook.first("ButtonPayload") == "confirm")
            #expect(tapHook.first("ProfileName") == "Ada")
            #expect(tapHook.first("WaId") == "14155550123")
            #expect(tapHook.first("OriginalRepliedMessageSid") == reminder.sid, "a tap replies to the template tapped")
            #expect(tapHook.first("OriginalRepliedMessageSender") == Self.sender)

            try await sandbox.handsetWrites(Self.handset, to: Self.sender, [
                ("Latitude", "51.51322977399644"), ("Longitude", "-0.2197976373036567"),
                ("Address", "187 Freston Road, London W10 6TH"), ("Label", "The Harrow Club"),
            ])
            let place = try #require(await recorder.received.last?.form)
            #expect(place.first("Latitude") == "51.51322977399644")
            #expect(place.first("Longitude") == "-0.2197976373036567")
            #expect(place.first("Label") == "The Harrow Club")
            #expect(place.first("Address") == "187 Freston Road, London W10 6TH")
            #expect(place.first("OriginalRepliedMessageSid") == nil)
            #expect(place.first("Forwarded") == "false")

            for bad in [[("Latitude", "91"), ("Longitude", "0")], [("Longitude", "0")], [("ButtonPayload", "x")],
                        [("OriginalRepliedMessageSid", "SM00000000000000000000000000000000")]] {
                #expect(try await sandbox.handsetWrites(Self.handset, to: Self.sender, bad).status == 400, "\(bad)")
            }
            #expect(try await sandbox.handsetWrites("+14155550123", to: "+15005550006", [("ButtonText", "Yes")]).status == 400,
                    "only WhatsApp messages carry buttons")
        }
    }
}
