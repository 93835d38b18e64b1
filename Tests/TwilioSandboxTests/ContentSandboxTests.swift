import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox Content API v1, driven by TwilioKit")
struct ContentSandboxTests {
    @Test func seededTemplatesAreListedAndFetched() async throws {
        try await SandboxFixture.with { sandbox in
            let templates = try await sandbox.client.content.list(pageSize: 1).collect()
            #expect(templates.compactMap(\.friendlyName) == ["order_shipped", "product_photo", "appointment_reminder", "order_card"])
            #expect(templates.allSatisfy { $0.sid?.hasPrefix("HX") == true && $0.language == "en" })
            #expect(templates.compactMap(\.sid) == ["HX824810c0104a22cb58936edef859e1dd", "HXbbf202cb7c517006cab4b860a2b29d96",
                                                    "HX27863d63e7103ed72239ed5f39aadeea", "HXdb2e780193b97c4e9d9f4bd4d8b2810d"],
                    "the default account's demo SIDs never change: the README names them")

            let reminder = try await sandbox.client.content.fetch(templates[2].sid ?? "")
            #expect(reminder == templates[2])
            #expect(reminder.variables == ["1": "Jamie", "2": "May 3 at 10:00"])
            guard case .object(let types)? = reminder.types, case .object(let quickReply)? = types["twilio/quick-reply"],
                  case .array(let actions)? = quickReply["actions"] else {
                Issue.record("no twilio/quick-reply actions")
                return
            }
            #expect(actions.count == 3)
            #expect(types["twilio/text"] != nil, "a text fallback")
            #expect(reminder.links?["approval_fetch"] == "https://content.twilio.com/v1/Content/\(reminder.sid ?? "")/ApprovalRequests")

            let page = try await sandbox.inspect(.get, "/content/v1/Content?PageSize=2")
            let meta = page.json["meta"] as? [String: Any]
            #expect(meta?["key"] as? String == "contents")
            #expect((meta?["next_page_url"] as? String)?.hasPrefix(sandbox.server.baseURL + "/content/v1/Content?") == true)
        }
    }

    @Test func templatesAreCreatedAndDeleted() async throws {
        try await SandboxFixture.with { sandbox in
            let body = #"""
            {"friendly_name": "pickup_ready", "language": "en", "variables": {"1": "Jamie"},
             "types": {"twilio/location": {"latitude": 37.7749, "longitude": -122.4194, "label": "Owl Shoes"},
                       "twilio/text": {"body": "Hi {{1}}, your order is ready for pickup."}}}
            """#
            let created = try await sandbox.postJSON("/content/v1/Content", body)
            #expect(created.status == 201)
            let sid = try #require(created.json["sid"] as? String)
            let fetched = try await sandbox.client.content.fetch(sid)
            #expect(fetched.friendlyName == "pickup_ready")
            guard case .object(let types)? = fetched.types, case .object(let location)? = types["twilio/location"] else {
                Issue.record("no twilio/location")
                return
            }
            #expect(location["latitude"] == .number(37.7749))
            let raw = try await sandbox.inspect(.get, "/content/v1/Content/\(sid)")
            #expect(Set(raw.json.keys) == ["sid", "account_sid", "friendly_name", "language", "variables", "types", "url",
                                           "date_created", "date_updated", "links"])
            #expect(try await sandbox.client.content.list().collect().count == 5)

            #expect(try await sandbox.inspect(.delete, "/content/v1/Content/\(sid)").status == 204)
            let gone = await #expect(throws: TwilioError.self) { _ = try await sandbox.client.content.fetch(sid) }
            #expect(gone?.code == 20404)
        }
    }

    @Test(arguments: [
        #"{"types": {"twilio/text": {"body": "hi"}}}"#,
        #"{"language": "en", "types": {"twilio/telepathy": {"body": "hi"}}}"#,
        #"{"language": "en", "types": {"twilio/media": {"body": "no media"}}}"#,
        #"{"language": "en", "types": {}}"#,
        #"{"language": "en", "types": {"twilio/text": {"body": "hi"}}"#,
    ])
    func invalidTemplatesAreRejected(body: String) async throws {
        try await SandboxFixture.with { sandbox in
            let answer = try await sandbox.postJSON("/content/v1/Content", body)
            #expect(answer.status == 400)
            #expect(answer.json["code"] as? Int != nil)
        }
    }
}
