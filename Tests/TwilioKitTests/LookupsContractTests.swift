import Foundation
import Testing
@testable import TwilioKit

@Suite("Lookup v2 against the OpenAPI spec")
struct LookupsContractTests {
    let harness = ContractHarness()

    @Test func fetchWithEveryParameter() async throws {
        let parameters = PhoneNumberLookupParameters(
            fields: Set(LookupField.allCases), countryCode: "US", firstName: "John", lastName: "Doe",
            addressLine1: "321 Main Street", addressLine2: "Suite 2", city: "New York", state: "NY", postalCode: "10021",
            addressCountryCode: "US", nationalID: "YZ3456883", dateOfBirth: "19901214", lastVerifiedDate: "20201227",
            verificationSid: "VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", partnerSubID: "tenant-1")
        let request = try await harness.check("FetchPhoneNumber") { client in
            let lookup = try await client.lookups.fetch("+14159929960", parameters)
            #expect(lookup.valid == true)
        }
        #expect(request.url.contains("/v2/PhoneNumbers/%2B14159929960?"))
        let query = FormParameters.decode(request.url.split(separator: "?", maxSplits: 1).last ?? "")
        let operation = try #require(try OpenAPISpec.load(.lookups).operation(id: "FetchPhoneNumber"))
        #expect(Set(query.items.map(\.name)) == operation.queryParameters, "every FetchPhoneNumber parameter is settable")
        #expect(query.values("Fields") == [
            "validation,caller_name,sim_swap,call_forwarding,line_status,line_type_intelligence,identity_match,"
                + "reassigned_number,sms_pumping_risk,phone_number_quality_score,pre_fill",
        ])
    }

    @Test func fieldsListTheSpecsPackagesInAStableOrder() throws {
        let spec = try OpenAPISpec.load(.lookups)
        let operation = try #require(spec.operation(id: "FetchPhoneNumber"))
        let parameters = operation.object["parameters"] as? [[String: Any]] ?? []
        let fields = try #require(parameters.first { $0["name"] as? String == "Fields" })
        let description = try #require(fields["description"] as? String)
        for field in LookupField.allCases {
            #expect(description.contains(field.rawValue), "\(field.rawValue) is a documented Fields value")
        }
        #expect(PhoneNumberLookupParameters(fields: [.simSwap, .callForwarding]).query.values("Fields") == ["sim_swap,call_forwarding"])
        #expect(PhoneNumberLookupParameters().query.isEmpty)
    }

    @Test func basicFetchSendsNoQuery() async throws {
        let request = try await harness.check("FetchPhoneNumber") { _ = try await $0.lookups.fetch("+14159929960") }
        #expect(!request.url.contains("?"))
    }

    @Test func modelDecodesEveryExample() throws {
        let count = try ContractHarness.decodeExamples("FetchPhoneNumber", in: .lookups, as: PhoneNumberLookup.self)
        #expect(count > 10)
    }

    @Test func packagesDecodeTyped() throws {
        let examples = try #require(try OpenAPISpec.load(.lookups).operation(id: "FetchPhoneNumber")).responseExamples
        func lookup(_ name: String) throws -> PhoneNumberLookup {
            let example = try #require(examples.first { $0.name == name }, "no example \(name)")
            return try TwilioJSON.decoder.decode(PhoneNumberLookup.self, from: example.json)
        }
        #expect(try lookup("fetchInvalid").validationErrors == [.tooLong])
        #expect(try lookup("fetchCallerName").callerName?.callerType == .consumer)
        let lineType = try lookup("fetchLineTypeIntelligence").lineTypeIntelligence
        #expect(lineType?.type == .nonFixedVoip)
        #expect(lineType?.mobileCountryCode == "240")
        let simSwap = try lookup("fetchSimSwap").simSwap?.lastSimSwap
        #expect(simSwap?.lastSimSwapDate == TwilioDateFormat.date(from: "2020-04-27T10:18:50Z"))
        #expect(simSwap?.swappedInPeriod == true)
        #expect(try lookup("fetchSimSwapWithoutLastSimSwapDate").simSwap?.lastSimSwap?.lastSimSwapDate == nil)
        #expect(try lookup("fetchCallForwarding").callForwarding?.callForwardingEnabled == true)
        #expect(try lookup("fetchLineStatusInactive").lineStatus?.status == .inactive)
        let identity = try lookup("fetchIdentityMatch").identityMatch
        #expect(identity?.lastNameMatch == .highPartialMatch)
        #expect(identity?.postalCodeMatch == .noDataAvailable)
        #expect(identity?.summaryScore == 90)
        #expect(try lookup("fetchReassignedNumberWithNumberReassigned").reassignedNumber?.isNumberReassigned == .yes)
        let pumping = try lookup("fetchSmsPumpingRisk").smsPumpingRisk
        #expect(pumping?.carrierRiskCategory == .moderate)
        #expect(pumping?.smsPumpingRiskScore == 61)
        #expect(pumping?.numberBlocked == false)
        guard case .object(let quality) = try lookup("fetchPhoneNumberQualityScore").phoneNumberQualityScore else {
            Issue.record("phone_number_quality_score is an object")
            return
        }
        #expect(quality["quality_category"] == .string("low"))
        #expect(quality["carrier_risk_score"] == .number(17))
        guard case .object(let preFill) = try lookup("fetchPreFill").preFill else {
            Issue.record("pre_fill is an object")
            return
        }
        #expect(preFill["first_name"] == .string("John"))
    }

    @Test func unknownValuesDoNotBreakDecoding() throws {
        let json = Data(#"{"valid":false,"validation_errors":["SOMETHING_NEW"],"line_type_intelligence":{"type":"satellite"},"line_status":{"status":"unknown"}}"#.utf8)
        let lookup = try TwilioJSON.decoder.decode(PhoneNumberLookup.self, from: json)
        #expect(lookup.validationErrors == [.unknown])
        #expect(lookup.lineTypeIntelligence?.type == .unknown)
        #expect(lookup.lineStatus?.status == .unknown)
    }
}
