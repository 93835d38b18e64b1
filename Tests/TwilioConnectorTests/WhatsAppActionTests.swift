import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// sendWhatsAppMessage meets WhatsApp's rules in the sandbox as on Twilio: what the channel
/// refuses after Twilio accepted the message (63016, 63007) comes back as `success: false` with
/// Twilio's code and a sentence that says what to do, as do Twilio's refusals (21655).
@Suite("sendWhatsAppMessage against WhatsApp's rules")
struct WhatsAppActionTests {
    @Test func aTemplateIsRenderedAndReachesSomeoneWhoHasNotWritten() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendWhatsAppMessage", [
                "To": "+14155550180", "From": "+15005550006", "useTemplate": true,
                "ContentSid": .string(try await fixture.demoTemplate("order_shipped")), "ContentVariables": ["1": "Ada", "2": "99"],
            ])
            #expect(result.flag("success") == true, "\(result)")
            #expect(result.text("body") == "Hi Ada, your order 99 has shipped and is on its way.")
            #expect(["sent", "delivered"].contains(result.text("status")), "the action waited for WhatsApp to take it")
        }
    }

    @Test func freeFormOutsideTheWindowFailsWithTwilios63016AndSaysWhatToDo() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendWhatsAppMessage", ["To": "+14155550181", "From": "+15005550006", "Body": "Your table is ready"])
            #expect(result.flag("success") == false, "\(result)")
            #expect(result.number("errorCode") == 63016)
            #expect(result.text("moreInfo") == "https://www.twilio.com/docs/errors/63016")
            #expect(result.text("status") == "failed")
            let sid = try #require(result.text("messageSid"))
            let error = try #require(result.text("error"))
            #expect(error.hasPrefix("Message \(sid) was created but failed with error 63016 (Failed to send freeform message"))
            #expect(error.contains("Use a template: whatsapp:+14155550181 has not written to whatsapp:+15005550006 in the last 24 hours"))

            try await fixture.whatsAppUserWrites("+14155550181")
            let reply = await fixture.run("sendWhatsAppMessage", ["To": "+14155550181", "From": "+15005550006", "Body": "Your table is ready"])
            #expect(reply.flag("success") == true, "\(reply)")
            #expect(["sent", "delivered"].contains(reply.text("status")), "taken by WhatsApp once the window is open")

            let unwaited = await fixture.run("sendWhatsAppMessage", [
                "To": "+14155550182", "From": "+15005550006", "Body": "No wait", "StatusWaitSeconds": 0,
            ])
            #expect(unwaited.flag("success") == true, "StatusWaitSeconds 0 answers at once")
            #expect(unwaited.text("status") == "queued")
        }
    }

    @Test func anUnregisteredSenderFailsWith63007() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendWhatsAppMessage", [
                "To": "+14155550183", "From": "+14155550999", "useTemplate": true,
                "ContentSid": .string(try await fixture.demoTemplate("order_shipped")),
            ])
            #expect(result.flag("success") == false, "\(result)")
            #expect(result.number("errorCode") == 63007)
            #expect(result.text("error")?.contains("whatsapp:+14155550999 is not a WhatsApp sender of this account") == true)
        }
    }

    @Test func anUnknownContentSidIsTwilios21655WithWhatToDo() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendWhatsAppMessage", [
                "To": "+14155550184", "From": "+15005550006", "useTemplate": true,
                "ContentSid": "HX00000000000000000000000000000000", "ContentVariables": ["1": "Ada"],
            ])
            #expect(result.flag("success") == false, "\(result)")
            #expect(result.number("errorCode") == 21655)
            #expect(result.number("httpStatus") == 400)
            let error = try #require(result.text("error"))
            #expect(error.contains("The ContentSid is Invalid"))
            #expect(error.contains("Check ContentSid: HX00000000000000000000000000000000 is not a Content template of this account"))
        }
    }

    @Test func contentVariablesMustBeAnObjectOfStrings() async throws {
        try await ConnectorFixture.with { fixture in
            let refusal = try await fixture.refusal("sendWhatsAppMessage", [
                "To": "+14155550185", "From": "+15005550006", "useTemplate": true,
                "ContentSid": "HX00000000000000000000000000000000", "ContentVariables": ["1": "Ada", "2": 99],
            ])
            #expect(refusal.contains(#"ContentVariables must map each variable to a string; "2" is not one"#))
            let notAnObject = try await fixture.refusal("sendWhatsAppMessage", [
                "To": "+14155550185", "From": "+15005550006", "useTemplate": true,
                "ContentSid": "HX00000000000000000000000000000000", "ContentVariables": "Ada",
            ])
            #expect(notAnObject.contains("ContentVariables must be a JSON object"))
        }
    }
}
