import Foundation
import Testing
import TwilioConnector
import TwilioKit

@Suite("Lookup and Verify actions, component dialect, against the sandbox")
struct LookupVerifyActionTests {
    @Test func lookupFormatsValidatesAndReturnsPackages() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("twilio/v1/lookupPhoneNumber", ["PhoneNumber": "+14155552671", "Fields": ["line_type_intelligence", "caller_name"]])
            #expect(result.flag("success") == true, "\(result)")
            #expect(result.text("phoneNumber") == "+14155552671")
            #expect(result.text("countryCode") == "US")
            #expect(result.flag("valid") == true)
            #expect(result.text("nationalFormat") != nil)
            #expect(result.object("lineTypeIntelligence") != nil)
            #expect(result.object("callerName") != nil)

            let national = await fixture.run("lookupPhoneNumber", ["PhoneNumber": "(415) 555-2671", "CountryCode": "us", "Fields": "line_type_intelligence"])
            #expect(national.flag("success") == true, "\(national)")
            #expect(national.text("phoneNumber") == "+14155552671")
        }
    }

    @Test func badLookupInputSendsNothing() async throws {
        try await ConnectorFixture.with { fixture async throws in
            #expect(try await fixture.refusal("lookupPhoneNumber", ["PhoneNumber": "4155552671"])
                .contains("PhoneNumber must be an E.164 phone number such as +14155550100 (or give CountryCode with a national number)"))
            let several = try await fixture.refusal("lookupPhoneNumber", ["PhoneNumber": "+14155552671", "CountryCode": "USA", "Fields": ["carrier"]])
            #expect(several.contains("CountryCode has 3 characters; at most 2 are allowed"))
            #expect(several.contains("Fields contains 'carrier'; each item must be one of validation, caller_name"))
            #expect(try await fixture.refusal("lookupPhoneNumber", ["PhoneNumber": "4155552671", "CountryCode": "1A"])
                .contains("CountryCode must be two letters"))
            #expect(try await fixture.refusal("lookupPhoneNumber", [:]).contains("PhoneNumber is required"))
        }
    }

    @Test func createServiceSendAndCheckACode() async throws {
        try await ConnectorFixture.with { fixture in
            let service = await fixture.run("twilio/v1/createVerificationService", ["FriendlyName": "Acme login", "CodeLength": 6])
            #expect(service.flag("success") == true, "\(service)")
            let serviceSid = try #require(service.text("sid"))
            #expect(serviceSid.hasPrefix("VA"))
            #expect(service.number("codeLength") == 6)
            #expect(service.object("dateCreated")?.text("zoneId") == "UTC")

            let to = "+14155550181"
            let sent = await fixture.run("sendVerification", ["ServiceSid": .string(serviceSid), "To": .string(to)])
            #expect(sent.flag("success") == true, "\(sent)")
            #expect(sent.text("status") == "pending")
            #expect(sent.text("channel") == "sms", "sms is the default channel")
            let verificationSid = try #require(sent.text("sid"))

            let inbox = try await fixture.sandboxJSON("/sandbox/verifications/\(to)")
            let code = try #require(inbox.text("code"))
            #expect(code.count == 6)

            let wrong = await fixture.run("checkVerification", ["ServiceSid": .string(serviceSid), "To": .string(to), "Code": code == "000000" ? "111111" : "000000"])
            #expect(wrong.flag("success") == true)
            #expect(wrong.text("status") == "pending")
            let right = await fixture.run("checkVerification", ["ServiceSid": .string(serviceSid), "VerificationSid": .string(verificationSid), "Code": .string(code)])
            #expect(right.text("status") == "approved", "\(right)")
            #expect(right.flag("valid") == true)
        }
    }

    @Test func emailVerificationsGoToEmailAddresses() async throws {
        try await ConnectorFixture.with { fixture in
            let service = await fixture.run("createVerificationService", ["FriendlyName": "Acme email"])
            let serviceSid = try #require(service.text("sid"))
            let sent = await fixture.run("sendVerification", ["ServiceSid": .string(serviceSid), "To": "ana@example.com", "Channel": "email"])
            #expect(sent.text("channel") == "email", "\(sent)")
            #expect(sent.text("to") == "ana@example.com")
        }
    }

    @Test func badVerifyInputSendsNothing() async throws {
        try await ConnectorFixture.with { fixture async throws in
            let service = "VA00000000000000000000000000000000"
            #expect(try await fixture.refusal("sendVerification", ["ServiceSid": .string(service), "To": "+14155550181", "Channel": "email"])
                .contains("To must be an email address such as ana@example.com when Channel is email"))
            #expect(try await fixture.refusal("sendVerification", ["ServiceSid": .string(service), "To": "ana@example.com"])
                .contains("To must be an E.164 phone number such as +14155550100 when Channel is sms"))
            let several = try await fixture.refusal("sendVerification", ["ServiceSid": "VX123", "To": "+14155550181", "Channel": "pigeon", "CustomCode": "12"])
            #expect(several.contains("ServiceSid must be a VA SID"))
            #expect(several.contains("Channel must be one of sms, call, email, whatsapp"))
            #expect(try await fixture.refusal("sendVerification", ["ServiceSid": .string(service), "To": "+14155550181", "CustomCode": "12"])
                .contains("CustomCode must be 4 to 10 digits"))

            #expect(try await fixture.refusal("checkVerification", ["ServiceSid": .string(service), "To": "+14155550181", "Code": "12ab"])
                .contains("Code must be 4 to 10 digits (got '12ab')"))
            #expect(try await fixture.refusal("checkVerification", ["ServiceSid": .string(service), "Code": "123456"])
                .contains("To, VerificationSid one of these is required"))
            #expect(try await fixture.refusal("checkVerification", [
                "ServiceSid": .string(service), "To": "+14155550181", "VerificationSid": "VE00000000000000000000000000000000", "Code": "123456",
            ]).contains("To, VerificationSid are mutually exclusive"))
            #expect(try await fixture.refusal("checkVerification", ["ServiceSid": .string(service), "To": "someone", "Code": "123456"])
                .contains("To must be an E.164 phone number such as +14155550100 or an email address"))

            let create = try await fixture.refusal("createVerificationService", ["CodeLength": 11])
            #expect(create.contains("FriendlyName is required"))
            #expect(create.contains("CodeLength must be from 4 to 10"))
            #expect(try await fixture.refusal("createVerificationService", ["FriendlyName": .string(String(repeating: "n", count: 33))])
                .contains("FriendlyName has 33 characters; at most 32 are allowed"))
        }
    }
}
