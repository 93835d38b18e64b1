import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

/// Templates sent by `ContentSid`: rendered with `ContentVariables` over the template's defaults,
/// as the recipient's channel carries them, into the Message Twilio stores; and what Twilio
/// refuses (21654, 21655, 21656).
@Suite("Sandbox Content templates on send")
struct ContentTemplateSandboxTests {
    /// Sends `contentSid` to `to` (a WhatsApp handset that has written in, unless it is SMS).
    private func send(_ sandbox: SandboxFixture, _ contentSid: String, variables: String? = nil,
                      to: String = "whatsapp:+14155550123") async throws -> Message {
        let from = to.hasPrefix("whatsapp:") ? "whatsapp:+15005550006" : "+15005550006"
        return try await sandbox.client.messages.create(.init(to: to, from: from, contentSid: contentSid, contentVariables: variables))
    }

    @Test func textTemplatesAreRenderedWithTheVariablesGivenOverTheDefaults() async throws {
        try await SandboxFixture.with { sandbox in
            let orderShipped = try await sandbox.demoTemplate("order_shipped")
            let rendered = try await send(sandbox, orderShipped, variables: #"{"1":"Ada","2":"99"}"#)
            #expect(rendered.body == "Hi Ada, your order 99 has shipped and is on its way.")
            let defaults = try await send(sandbox, orderShipped, variables: #"{"1":"Ada"}"#)
            #expect(defaults.body == "Hi Ada, your order 4417 has shipped and is on its way.", "{{2}} falls back on the template's default")
            let sms = try await send(sandbox, orderShipped, to: "+14155550123")
            #expect(sms.body == "Hi Jamie, your order 4417 has shipped and is on its way.")
            #expect(try await sandbox.client.messages.fetch(rendered.sid ?? "").body == rendered.body, "the stored body is the rendered one")
        }
    }

    @Test func mediaAndCardTemplatesCarryTheirMedia() async throws {
        try await SandboxFixture.with { sandbox in
            let photo = try await send(sandbox, try await sandbox.demoTemplate("product_photo"), variables: #"{"1":"trail shoe"}"#)
            #expect(photo.body == "Here is the trail shoe you asked about.")
            #expect(photo.sid?.hasPrefix("MM") == true)
            #expect(photo.numMedia == "1")
            let media = try await sandbox.client.messages.listMedia(photo.sid ?? "").collect()
            #expect(media.count == 1)

            let card = try await send(sandbox, try await sandbox.demoTemplate("order_card"), variables: #"{"1":"99"}"#)
            #expect(card.body == "Your order 99 is on its way.")
            #expect(card.numMedia == "1")

            let created = try await sandbox.postJSON("/content/v1/Content", #"""
            {"friendly_name": "new_arrivals", "language": "en", "variables": {"season": "spring"},
             "types": {"twilio/card": {"title": "New for {{season}}", "subtitle": "Tap to see the {{season}} range",
                                       "media": ["https://example.com/{{season}}.png"],
                                       "actions": [{"type": "URL", "title": "Shop", "url": "https://example.com/{{season}}"}]}}}
            """#)
            #expect(created.status == 201)
            let twilioCard = try await send(sandbox, try #require(created.json["sid"] as? String), variables: #"{"season":"autumn"}"#)
            #expect(twilioCard.body == "New for autumn\nTap to see the autumn range", "named variables, in every string")
            let cardMedia = try await sandbox.client.messages.listMedia(twilioCard.sid ?? "").collect()
            #expect(cardMedia.count == 1)
            let raw = try await sandbox.inspect(.get, "/api/2010-04-01/Accounts/\(sandbox.client.accountSID)/Messages/\(twilioCard.sid ?? "")/Media.json")
            let items = raw.json["media_list"] as? [[String: Any]] ?? []
            #expect(items.first?["content_type"] as? String == "image/png")
        }
    }

    @Test func quickRepliesGoToWhatsAppAndTheirTextFallbackToSMS() async throws {
        try await SandboxFixture.with { sandbox in
            let reminder = try await sandbox.demoTemplate("appointment_reminder")
            let whatsapp = try await send(sandbox, reminder, variables: #"{"1":"Ada"}"#)
            #expect(whatsapp.body == "Hi Ada, can you confirm your appointment on May 3 at 10:00?")
            let sms = try await send(sandbox, reminder, variables: #"{"1":"Ada"}"#, to: "+14155550123")
            #expect(sms.body == "Hi Ada, reply C to confirm your appointment on May 3 at 10:00, or R to reschedule.")
        }
    }

    @Test func aTemplateTheChannelCannotCarryFailsWith63006() async throws {
        try await SandboxFixture.with { sandbox in
            let created = try await sandbox.postJSON("/content/v1/Content", #"""
            {"friendly_name": "buttons_only", "language": "en",
             "types": {"twilio/quick-reply": {"body": "Coming?", "actions": [{"title": "Yes", "id": "yes"}]}}}
            """#)
            let sid = try #require(created.json["sid"] as? String)
            let sms = try await send(sandbox, sid, to: "+14155550123")
            #expect(sms.status == .queued, "Twilio accepts it; the channel cannot format it")
            let failed = try await sandbox.settled(sms.sid)
            #expect(failed.status == .failed)
            #expect(failed.errorCode == 63006)
        }
    }

    @Test(arguments: [
        ("HX00000000000000000000000000000000", nil, 21655),
        ("HX123", nil, 21655),
        ("order_shipped", #"{"1": "Ada""#, 21656),
        ("order_shipped", #"["Ada"]"#, 21656),
        ("order_shipped", #"{"1": 42}"#, 21656),
    ] as [(String, String?, Int)])
    func templatesTwilioCannotUseAreRefused(contentSid: String, variables: String?, code: Int) async throws {
        try await SandboxFixture.with { sandbox in
            let sid = contentSid == "order_shipped" ? try await sandbox.demoTemplate(contentSid) : contentSid
            let error = await #expect(throws: TwilioError.self) { _ = try await send(sandbox, sid, variables: variables) }
            #expect(error?.code == code)
            #expect(error?.httpStatus == 400)
            #expect(try await sandbox.client.messages.list().collect().isEmpty, "nothing was created")
        }
    }

    @Test func variablesWithoutAValueAndWithoutAContentSidAreRefused() async throws {
        try await SandboxFixture.with { sandbox in
            let created = try await sandbox.postJSON("/content/v1/Content", #"""
            {"friendly_name": "no_defaults", "language": "en", "types": {"twilio/text": {"body": "Hello {{name}}"}}}
            """#)
            let sid = try #require(created.json["sid"] as? String)
            let missing = await #expect(throws: TwilioError.self) { _ = try await send(sandbox, sid) }
            #expect(missing?.code == 21656)
            #expect(missing?.message.contains("{{name}}") == true)
            let named = try await send(sandbox, sid, variables: #"{"name":"Ada"}"#)
            #expect(named.body == "Hello Ada")

            let orphan = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.messages.create(.init(to: "+14155550123", from: "+15005550006", body: "Hi", contentVariables: #"{"1":"x"}"#))
            }
            #expect(orphan?.code == 21654)
        }
    }

    @Test func templatesAreSubmittedForApprovalAndReviewedBySandbox() async throws {
        try await SandboxFixture.with { sandbox in
            let orderShipped = try await sandbox.demoTemplate("order_shipped")
            let demo = try await sandbox.inspect(.get, "/content/v1/Content/\(orderShipped)/ApprovalRequests")
            let demoApproval = demo.json["whatsapp"] as? [String: Any]
            #expect(demoApproval?["status"] as? String == "approved")
            #expect(demoApproval?["type"] as? String == "whatsapp")
            #expect(demoApproval?["content_type"] as? String == "twilio/text")

            let created = try await sandbox.postJSON("/content/v1/Content", #"""
            {"friendly_name": "pickup", "language": "en", "types": {"twilio/text": {"body": "Your order is ready."}}}
            """#)
            let sid = try #require(created.json["sid"] as? String)
            let unsubmitted = try await sandbox.inspect(.get, "/content/v1/Content/\(sid)/ApprovalRequests")
            #expect((unsubmitted.json["whatsapp"] as? [String: Any])?["status"] as? String == "unsubmitted")

            let refused = try await sandbox.postJSON("/content/v1/Content/\(sid)/ApprovalRequests/whatsapp", #"{"name": "pickup", "category": "GOSSIP"}"#)
            #expect(refused.status == 400)
            let submitted = try await sandbox.postJSON("/content/v1/Content/\(sid)/ApprovalRequests/whatsapp", #"{"name": "pickup", "category": "UTILITY"}"#)
            #expect(submitted.status == 201)
            #expect(Set(submitted.json.keys) == ["name", "category", "content_type", "status", "rejection_reason", "allow_category_change"])
            #expect(submitted.json["status"] as? String == "received")

            let rejected = try await sandbox.inspect(.post, "/sandbox/content/\(sid)/approval",
                                                     form: [("Status", "rejected"), ("RejectionReason", "INVALID_FORMAT")])
            let whatsapp = rejected.json["whatsapp"] as? [String: Any]
            #expect(whatsapp?["status"] as? String == "rejected")
            #expect(whatsapp?["rejection_reason"] as? String == "INVALID_FORMAT")

            let listed = try await sandbox.inspect(.get, "/content/v1/ContentAndApprovals")
            let contents = listed.json["contents"] as? [[String: Any]] ?? []
            let statuses = contents.map { ($0["approval_requests"] as? [String: Any])?["status"] as? String }
            #expect(statuses == ["approved", "approved", "approved", "approved", "rejected"])
            #expect(try await sandbox.inspect(.post, "/sandbox/content/\(sid)/approval", form: [("Status", "maybe")]).status == 400)
            #expect(try await sandbox.inspect(.post, "/sandbox/content/HX00000000000000000000000000000000/approval",
                                              form: [("Status", "approved")]).status == 404)
        }
    }

    @Test(arguments: [
        #"{"language": "en", "types": {"twilio/text": {"body": "hi", "footer": "no such field"}}}"#,
        #"{"language": "en", "types": {"twilio/location": {"latitude": "north", "longitude": 1}}}"#,
        #"{"language": "en", "types": {"twilio/quick-reply": {"body": "hi", "actions": [{"id": "no-title"}]}}}"#,
        #"{"language": "en", "types": {"twilio/call-to-action": {"body": "hi", "actions": [{"type": "FAX", "title": "Fax us"}]}}}"#,
        #"{"language": "en", "types": {"twilio/media": {"media": "https://example.com/not-an-array.png"}}}"#,
        #"{"language": "en", "types": {"twilio/carousel": {"body": "hi", "cards": [{"body": "card", "actions": []}]}}}"#,
    ])
    func templatesAreHeldToTheSpecsShapes(body: String) async throws {
        try await SandboxFixture.with { sandbox in
            let answer = try await sandbox.postJSON("/content/v1/Content", body)
            #expect(answer.status == 400, "\(answer.json)")
        }
    }
}
