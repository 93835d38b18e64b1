import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox Lookup v2, driven by TwilioKit")
struct LookupsSandboxTests {
    @Test(arguments: [
        ("+14155550100", "US", "1", "(415) 555-0100"), ("+16135550123", "CA", "1", "(613) 555-0123"),
        ("+18885550123", "US", "1", "(888) 555-0123"), ("+447772000001", "GB", "44", "07772 000001"),
        ("+442079460958", "GB", "44", "020 7946 0958"), ("+491711234567", "DE", "49", "0171 1234567"),
        ("+4930123456", "DE", "49", "030 123456"), ("+33612345678", "FR", "33", "06 12 34 56 78"),
        ("+919876543210", "IN", "91", "098765 43210"), ("+5511987654321", "BR", "55", "(11) 98765-4321"),
        ("+551134567890", "BR", "55", "(11) 3456-7890"), ("+61412345678", "AU", "61", "0412 345 678"),
        ("+61291234567", "AU", "61", "(02) 9123 4567"), ("+819012345678", "JP", "81", "090-1234-5678"),
        ("+81312345678", "JP", "81", "03-1234-5678"), ("+525512345678", "MX", "52", "55 1234 5678"),
        ("+34612345678", "ES", "34", "612 34 56 78"), ("+393123456789", "IT", "39", "312 345 6789"),
        ("+390612345678", "IT", "39", "06 1234 5678"), ("+31612345678", "NL", "31", "06 12345678"),
        ("+31201234567", "NL", "31", "020 123 4567"), ("+8613812345678", "CN", "86", "138 1234 5678"),
        ("+861012345678", "CN", "86", "010 1234 5678"), ("+41212345678", "CH", "41", "0212 345 678"),
    ])
    func validNumbersAreFormattedNationally(number: String, country: String, callingCode: String, national: String) async throws {
        try await SandboxFixture.with { sandbox in
            let lookup = try await sandbox.client.lookups.fetch(number)
            #expect(lookup.valid == true)
            #expect(lookup.validationErrors == nil)
            #expect(lookup.phoneNumber == number)
            #expect(lookup.countryCode == country)
            #expect(lookup.callingCountryCode == callingCode)
            #expect(lookup.nationalFormat == national)
            #expect(lookup.url == "https://lookups.twilio.com/v2/PhoneNumbers/" + number)
            #expect(lookup.lineTypeIntelligence == nil, "packages only when asked for")
        }
    }

    @Test(arguments: [
        ("+141599299600", PhoneNumberLookup.ValidationError.tooLong), ("+1415555", .tooShort),
        ("+10005550100", .invalidButPossible), ("+14115550100", .invalidButPossible), ("+14151110100", .invalidButPossible),
        ("+999123456789", .invalidCountryCode), ("+7123456789012", .invalidLength), ("+447", .tooShort),
        ("+4477720000011", .tooLong), ("+5511887654321", .invalidButPossible), ("call-me-maybe", .notANumber),
    ])
    func invalidNumbersSayWhy(number: String, error: PhoneNumberLookup.ValidationError) async throws {
        try await SandboxFixture.with { sandbox in
            let lookup = try await sandbox.client.lookups.fetch(number, .init(fields: [.lineTypeIntelligence]))
            #expect(lookup.valid == false)
            #expect(lookup.validationErrors == [error])
            #expect(lookup.countryCode == nil)
            #expect(lookup.callingCountryCode == nil)
            #expect(lookup.nationalFormat == nil)
            #expect(lookup.lineTypeIntelligence == nil, "no packages for invalid numbers")
        }
    }

    @Test func nationalFormatInputUsesCountryCode() async throws {
        try await SandboxFixture.with { sandbox in
            let lookups = sandbox.client.lookups
            #expect(try await lookups.fetch("(415) 555-0100", .init(countryCode: "US")).phoneNumber == "+14155550100")
            #expect(try await lookups.fetch("4155550100").phoneNumber == "+14155550100", "North America by default")
            let british = try await lookups.fetch("07772 000001", .init(countryCode: "GB"))
            #expect(british.phoneNumber == "+447772000001")
            #expect(british.nationalFormat == "07772 000001")
            #expect(try await lookups.fetch("030 123456", .init(countryCode: "DE")).phoneNumber == "+4930123456")
            #expect(try await lookups.fetch("612 34 56 78", .init(countryCode: "ES")).phoneNumber == "+34612345678")
            #expect(try await lookups.fetch("0044 20 7946 0958", .init(countryCode: "US")).countryCode == "GB")
            #expect(try await lookups.fetch("555 0100", .init(countryCode: "ZZ")).validationErrors == [.invalidCountryCode])
        }
    }

    @Test func lineTypeIntelligenceFollowsTheDocumentedRules() async throws {
        try await SandboxFixture.with { sandbox in
            func lineType(_ number: String) async throws -> PhoneNumberLookup.LineTypeIntelligence? {
                try await sandbox.client.lookups.fetch(number, .init(fields: [.lineTypeIntelligence])).lineTypeIntelligence
            }
            let owned = try await lineType("+15005550006")
            #expect(owned?.type == .nonFixedVoip)
            #expect(owned?.carrierName?.hasPrefix("Twilio") == true)
            #expect(try await lineType("+18885550123")?.type == .tollFree)
            let even = try await lineType("+14155559876")
            #expect(even?.type == .mobile)
            #expect(even?.mobileCountryCode == "310" || even?.mobileCountryCode == "311")
            #expect(even?.carrierName != nil)
            let odd = try await lineType("+14155559877")
            #expect(odd?.type == .landline)
            #expect(odd?.mobileNetworkCode == nil)
            let british = try await lineType("+447772000001")
            #expect(british?.type == .mobile)
            #expect(british?.mobileCountryCode == "234")
            #expect(try await lineType("+442079460958")?.type == .landline, "UK ranges decide, not the last digit")
            #expect(try await lineType("+14155559876") == even, "deterministic")
        }
    }

    @Test func callerNameAndSMSPumpingRisk() async throws {
        try await SandboxFixture.with { sandbox in
            let fields: Set<LookupField> = [.callerName, .smsPumpingRisk, .simSwap, .validation]
            let mobile = try await sandbox.client.lookups.fetch("+14155559876", .init(fields: fields))
            #expect(mobile.validationErrors == [])
            #expect(mobile.callerName?.callerType == .consumer)
            #expect(mobile.callerName?.callerName?.isEmpty == false)
            #expect(mobile.smsPumpingRisk?.carrierRiskCategory == .low)
            #expect(mobile.smsPumpingRisk?.numberBlocked == false)
            #expect(mobile.simSwap == nil, "not simulated")

            let owned = try await sandbox.client.lookups.fetch("+15005550006", .init(fields: fields))
            #expect(owned.callerName?.callerName == "Twilio Sandbox")
            #expect(owned.callerName?.callerType == .business)

            let pumped = try await sandbox.client.lookups.fetch("+15005550009", .init(fields: fields))
            #expect(pumped.smsPumpingRisk?.carrierRiskCategory == .high)
            #expect(pumped.smsPumpingRisk?.smsPumpingRiskScore == 95)
            #expect(pumped.smsPumpingRisk?.numberBlocked == true)
            #expect(pumped.smsPumpingRisk?.numberBlockedDate != nil)

            let british = try await sandbox.client.lookups.fetch("+447772000001", .init(fields: [.callerName]))
            #expect(british.callerName?.callerName == nil)
            #expect(british.callerName?.errorCode == 60607, "CNAM covers US numbers only")
        }
    }

    @Test func everySchemaFieldIsPresent() async throws {
        try await SandboxFixture.with { sandbox in
            let answer = try await sandbox.inspect(.get, "/lookups/v2/PhoneNumbers/%2B14155559876?Fields=line_type_intelligence,caller_name")
            #expect(answer.status == 200)
            let keys = ["calling_country_code", "country_code", "phone_number", "national_format", "valid", "validation_errors",
                        "caller_name", "sim_swap", "call_forwarding", "line_status", "line_type_intelligence", "identity_match",
                        "reassigned_number", "sms_pumping_risk", "phone_number_quality_score", "pre_fill", "url"]
            #expect(Set(answer.json.keys) == Set(keys))
            let lineType = answer.json["line_type_intelligence"] as? [String: Any]
            #expect(Set(lineType?.keys.map { $0 } ?? []) == ["mobile_country_code", "mobile_network_code", "carrier_name", "type", "error_code"])
        }
    }

    @Test func unknownFieldIsRejected() async throws {
        try await SandboxFixture.with { sandbox in
            let answer = try await sandbox.inspect(.get, "/lookups/v2/PhoneNumbers/%2B14155550100?Fields=line_type_intelligence,carrier")
            #expect(answer.status == 400)
            #expect(answer.json["code"] as? Int == 60200)
            #expect((answer.json["message"] as? String)?.contains("carrier") == true)
        }
    }
}
