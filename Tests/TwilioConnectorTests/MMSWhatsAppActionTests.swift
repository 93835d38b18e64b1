import Foundation
import Testing
import TwilioConnector
import TwilioKit

@Suite("sendMMS and sendWhatsAppMessage, component dialect, against the sandbox")
struct MMSWhatsAppActionTests {
    @Test func sendMMSAttachesMediaAndAlwaysGoesAsMMS() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("twilio/v1/sendMMS", [
                "To": "+14155550171", "From": "+15005550006", "Body": "The map",
                "MediaUrl": ["https://demo.twilio.com/owl.png", "https://demo.twilio.com/map.png"],
            ])
            #expect(result.flag("success") == true, "\(result)")
            #expect(result.text("sid")?.hasPrefix("MM") == true)
            #expect(result.text("numMedia") == "2")
            #expect(result.object("from")?.text("rawNumber") == "+15005550006")
            let textOnly = await fixture.run("sendMMS", ["To": "+14155550172", "From": "+15005550006", "Body": "No media, still MMS"])
            #expect(textOnly.flag("success") == true, "\(textOnly)")
        }
    }

    @Test func whatsAppFreeTextGetsThePrefixAdded() async throws {
        try await ConnectorFixture.with { fixture in
            try await fixture.whatsAppUserWrites("+14155550173")
            try await fixture.whatsAppUserWrites("+14155550174")
            let result = await fixture.run("twilio/v1/sendWhatsAppMessage", [
                "To": "+14155550173", "From": "+15005550006", "useTemplate": false, "Body": "Your table is ready",
                "ContentSid": "", "ContentVariables": [:],
            ])
            #expect(result.flag("success") == true, "\(result)")
            #expect(result.text("to") == "whatsapp:+14155550173")
            #expect(result.object("from")?.text("rawNumber") == "whatsapp:+15005550006")
            #expect(result.text("body") == "Your table is ready")
            let prefixed = await fixture.run("sendWhatsAppMessage", ["To": "whatsapp:+14155550174", "From": "whatsapp:+15005550006", "Body": "Hi"])
            #expect(prefixed.text("to") == "whatsapp:+14155550174", "an existing prefix is not doubled")
        }
    }

    @Test func whatsAppTemplateSendsContentSidAndVariables() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendWhatsAppMessage", [
                "To": "+14155550175", "From": "+15005550006", "useTemplate": true,
                "ContentSid": .string(try await fixture.demoTemplate("order_shipped")), "ContentVariables": ["1": "Ana", "2": "7pm"],
            ])
            #expect(result.flag("success") == true, "\(result)")
            #expect(result.text("body") == "Hi Ana, your order 7pm has shipped and is on its way.")
        }
    }

    @Test func badInputNamesTheParameterAndTheRuleAndSendsNothing() async throws {
        try await ConnectorFixture.with { fixture in
            let template = try await fixture.refusal("sendWhatsAppMessage", [
                "To": "+14155550175", "From": "+15005550006", "useTemplate": true, "Body": "Hi",
            ])
            #expect(template.contains("ContentSid is required when useTemplate is true"))
            #expect(template.contains("Body is not allowed when useTemplate is true"))

            let freeText = try await fixture.refusal("sendWhatsAppMessage", [
                "To": "+14155550175", "From": "+15005550006", "ContentSid": "HX00000000000000000000000000000001",
            ])
            #expect(freeText.contains("Body is required when useTemplate is false"))
            #expect(freeText.contains("ContentSid is only used when useTemplate is true"))

            let addresses = try await fixture.refusal("sendWhatsAppMessage", ["To": "client:bob", "From": "12345", "Body": "Hi"])
            #expect(addresses.contains("To must be a WhatsApp number such as +14155550100 or whatsapp:+14155550100 (got 'client:bob')"))
            #expect(addresses.contains("From must be a WhatsApp number"))

            let variables = try await fixture.refusal("sendWhatsAppMessage", [
                "To": "+14155550175", "From": "+15005550006", "Body": "Hi", "ContentVariables": ["1": "Ana"],
                "MediaUrl": ["https://e.test/a.png", "https://e.test/b.png"], "useTemplate": "perhaps",
            ])
            #expect(variables.contains("ContentVariables needs ContentSid as well"))
            #expect(variables.contains("MediaUrl has 2 items; at most 1 are allowed"))
            #expect(variables.contains("useTemplate must be true or false"))

            let mms = try await fixture.refusal("sendMMS", ["To": "+14155550171", "From": "+15005550006", "MediaUrl": "ftp://e.test/a.png"])
            #expect(mms.contains("MediaUrl item 'ftp://e.test/a.png' must be an http:// or https:// URL"))
            #expect(try await fixture.refusal("sendMMS", ["To": "+14155550171", "From": "+15005550006", "SendAsMms": false])
                .contains("SendAsMms is not a parameter of this action"))
        }
    }
}
