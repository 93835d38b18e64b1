import Foundation
import Testing
import TwilioConnector
import TwilioKit

@Suite("customRequest, component dialect, against the sandbox")
struct CustomRequestActionTests {
    @Test func postGetAndDeleteThroughTheAccountPath() async throws {
        try await ConnectorFixture.with { fixture in
            let created = await fixture.run("twilio/v1/customRequest", [
                "Method": "POST", "Path": "/2010-04-01/Accounts/{AccountSid}/Messages.json",
                "Parameters": ["To": "+14155550191", "From": "+15005550006", "Body": "Custom hello",
                               "MediaUrl": ["https://e.test/a.png", "https://e.test/b.png"]],
            ])
            #expect(created.flag("success") == true, "\(created)")
            #expect(created.number("status") == 201)
            let body = try #require(created.object("body"))
            let sid = try #require(body.text("sid"))
            #expect(body.text("num_media") == "2", "arrays repeat the key")
            #expect(body.text("account_sid") == fixture.sandbox.configuration.accountSID, "{AccountSid} was replaced")

            let listed = await fixture.run("customRequest", [
                "Path": "/2010-04-01/Accounts/{AccountSid}/Messages.json", "Parameters": #"{"To": "+14155550191", "PageSize": 1}"#,
            ])
            #expect(listed.number("status") == 200, "GET is the default method")
            #expect(listed.object("body")?.array("messages")?.count == 1)

            let deleted = await fixture.run("customRequest", ["Method": "DELETE", "Path": .string("/2010-04-01/Accounts/{AccountSid}/Messages/\(sid).json")])
            #expect(deleted.number("status") == 204)
            #expect(deleted["body"] == .null)
            let client = TwilioClient(configuration: fixture.sandbox.clientConfiguration)
            #expect(try await client.messages.list(.init(to: "+14155550191")).collect().isEmpty)
        }
    }

    @Test func otherDomainsAndTwilioErrors() async throws {
        try await ConnectorFixture.with { fixture in
            let lookup = await fixture.run("customRequest", ["Domain": "lookups", "Path": "/v2/PhoneNumbers/+14155552671",
                                                             "Parameters": ["Fields": "line_type_intelligence"]])
            #expect(lookup.number("status") == 200, "\(lookup)")
            #expect(lookup.object("body")?.flag("valid") == true)
            #expect(lookup.object("body")?.object("line_type_intelligence") != nil)

            let missing = await fixture.run("customRequest", ["Path": "/2010-04-01/Accounts/{AccountSid}/Calls/CA00000000000000000000000000000000.json"])
            #expect(missing.flag("success") == false)
            #expect(missing.number("errorCode") == 20404)
            #expect(missing.number("httpStatus") == 404)
        }
    }

    @Test func badInputSendsNothing() async throws {
        try await ConnectorFixture.with { fixture async throws in
            #expect(try await fixture.refusal("customRequest", ["Path": "2010-04-01/Accounts.json"])
                .contains("Path must start with a single / (the path below the domain)"))
            #expect(try await fixture.refusal("customRequest", ["Path": "//evil.test/x"]).contains("Path must start with a single /"))
            #expect(try await fixture.refusal("customRequest", ["Path": "/2010-04-01/Accounts.json?PageSize=1"])
                .contains("Path must not hold a query string: put the parameters in Parameters"))
            #expect(try await fixture.refusal("customRequest", ["Path": "/v2/../../etc"]).contains("Path must not hold .. segments"))
            let several = try await fixture.refusal("customRequest", ["Method": "PUT", "Domain": "video", "Parameters": "not json"])
            #expect(several.contains("Method must be one of GET, POST, DELETE"))
            #expect(several.contains("Domain must be one of api, lookups, verify, intelligence, content, messaging"))
            #expect(several.contains("Parameters must be a JSON object"))
            #expect(several.contains("Path is required"))
        }
    }
}
