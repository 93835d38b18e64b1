import Foundation
import Testing
@testable import TwilioKit

@Suite("IncomingPhoneNumbers against the OpenAPI spec")
struct IncomingPhoneNumbersContractTests {
    let harness = ContractHarness()
    let numberSid = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

    @Test func listWithEveryFilter() async throws {
        let filter = IncomingPhoneNumberListFilter(beta: false, friendlyName: "Support line", phoneNumber: "+1415*******",
                                                   origin: "twilio", pageSize: 100)
        let request = try await harness.check("ListIncomingPhoneNumber") { client in
            let page = try await client.incomingPhoneNumbers.list(filter).firstPageOnly()
            #expect(page.hasNextPage == false)
        }
        #expect(request.url.contains("Beta=false"))
        #expect(request.url.contains("FriendlyName=Support%20line"))
        #expect(request.url.contains("PhoneNumber=%2B1415%2A%2A%2A%2A%2A%2A%2A"))
        #expect(request.url.contains("Origin=twilio"))
        let query = FormParameters.decode(request.url.split(separator: "?").last ?? "")
        let operation = try #require(try OpenAPISpec.load(.api).operation(id: "ListIncomingPhoneNumber"))
        #expect(Set(query.items.map(\.name)) == operation.queryParameters.subtracting(["Page", "PageToken"]),
                "every ListIncomingPhoneNumber filter is settable")
        let all = try await harness.check("ListIncomingPhoneNumber") { _ = try await $0.incomingPhoneNumbers.list(limit: 3).firstPageOnly() }
        #expect(all.url.hasSuffix("IncomingPhoneNumbers.json?PageSize=3"))
    }

    @Test func fetch() async throws {
        let request = try await harness.check("FetchIncomingPhoneNumber") { client in
            let number = try await client.incomingPhoneNumbers.fetch(numberSid)
            #expect(number.sid == numberSid)
        }
        #expect(request.url.hasSuffix("/IncomingPhoneNumbers/\(numberSid).json"))
    }

    @Test func updateWithEveryParameter() async throws {
        let parameters = IncomingPhoneNumberUpdateParameters(
            accountSid: "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", apiVersion: "2010-04-01", friendlyName: "Support & sales",
            smsApplicationSid: "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", smsFallbackMethod: .get, smsFallbackURL: "https://example.com/sms-fallback",
            smsMethod: .post, smsURL: "https://example.com/sms", statusCallback: "https://example.com/status", statusCallbackMethod: .get,
            voiceApplicationSid: "", voiceCallerIDLookup: true, voiceFallbackMethod: .get,
            voiceFallbackURL: "https://example.com/voice-fallback", voiceMethod: .get, voiceURL: "https://example.com/voice",
            emergencyStatus: .inactive, emergencyAddressSid: "ADaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", trunkSid: "TKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            voiceReceiveMode: .fax, identitySid: "RIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", addressSid: "ADbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            bundleSid: "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        let request = try await harness.check("UpdateIncomingPhoneNumber") { client in
            let number = try await client.incomingPhoneNumbers.update(numberSid, parameters)
            #expect(number.emergencyStatus == .inactive)
            #expect(number.voiceCallerIdLookup == true)
        }
        let form = FormParameters.decode(String(decoding: request.body ?? [], as: UTF8.self))
        let operation = try #require(try OpenAPISpec.load(.api).operation(id: "UpdateIncomingPhoneNumber"))
        #expect(Set(form.items.map(\.name)) == operation.formParameters, "every UpdateIncomingPhoneNumber parameter is settable")
        #expect(form.values("VoiceApplicationSid") == [""], "an empty string clears a setting")
        #expect(form.values("FriendlyName") == ["Support & sales"])
        #expect(form.values("EmergencyStatus") == ["Inactive"])
        #expect(form.values("VoiceReceiveMode") == ["fax"])
        #expect(form.values("VoiceCallerIdLookup") == ["true"])
        #expect(form.values("SmsFallbackMethod") == ["GET"])

        let rename = try await harness.check("UpdateIncomingPhoneNumber") { _ = try await $0.incomingPhoneNumbers.update(numberSid, .init(friendlyName: "Main")) }
        #expect(rename.body.map { String(decoding: $0, as: UTF8.self) } == "FriendlyName=Main")
    }

    @Test func modelsDecodeEveryExample() throws {
        for operation in ["FetchIncomingPhoneNumber", "UpdateIncomingPhoneNumber"] {
            try ContractHarness.decodeExamples(operation, in: .api, as: IncomingPhoneNumber.self)
        }
        try ContractHarness.decodeListExamples("ListIncomingPhoneNumber", in: .api, of: IncomingPhoneNumber.self)
        let full = try #require(try OpenAPISpec.load(.api).operation(id: "ListIncomingPhoneNumber")?.responseExamples.first { $0.name == "readFull" })
        let number = try #require(try TwilioJSON.decoder.decode(PageEnvelope<IncomingPhoneNumber>.self, from: full.json).items.first)
        #expect(number.phoneNumber == "+18089255327")
        #expect(number.beta == nil)
    }

    @Test func decodedValuesKeepTwilioForms() throws {
        let example = try #require(try OpenAPISpec.load(.api).operation(id: "FetchIncomingPhoneNumber")?.responseExamples.first)
        let number = try TwilioJSON.decoder.decode(IncomingPhoneNumber.self, from: example.json)
        #expect(number.capabilities == .init(mms: true, sms: false, voice: true, fax: false))
        #expect(number.addressRequirements == IncomingPhoneNumber.AddressRequirement.none)
        #expect(number.emergencyStatus == .active)
        #expect(number.emergencyAddressStatus == .registered)
        #expect(number.voiceReceiveMode == .voice)
        #expect(number.smsMethod == .post)
        #expect(number.voiceFallbackMethod == .post)
        #expect(number.beta == false)
        #expect(number.voiceUrl == nil)
        #expect(number.smsUrl == "")
        #expect(number.status == "in-use")
        #expect(number.type == "local")
        #expect(number.origin == "origin")
        #expect(number.bundleSid == "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(number.dateCreated == TwilioDateFormat.date(from: "2015-07-30T23:19:04Z"))
    }

    @Test func unknownEnumValuesDoNotBreakDecoding() throws {
        let json = #"{"address_requirements":"planetary","emergency_address_status":"orbiting","sms_method":"PUT","voice_receive_mode":"telex"}"#
        let number = try TwilioJSON.decoder.decode(IncomingPhoneNumber.self, from: Data(json.utf8))
        #expect(number.addressRequirements == .unknown)
        #expect(number.emergencyAddressStatus == .unknown)
        #expect(number.smsMethod == .unknown)
        #expect(number.voiceReceiveMode == .unknown)
    }

    // MARK: Webhook settings: read every one, set every one, clear every one, restore exactly

    /// The webhook settings a connector changes and must be able to put back.
    static let webhookFields = ["sms_url", "sms_method", "sms_fallback_url", "sms_fallback_method", "sms_application_sid",
                                "voice_url", "voice_method", "voice_fallback_url", "voice_fallback_method", "voice_application_sid",
                                "status_callback", "status_callback_method", "trunk_sid"]

    @Test func everyWebhookSettingDecodes() throws {
        var object: [String: String] = [:]
        for field in Self.webhookFields {
            object[field] = field.hasSuffix("_method") ? "GET" : "value of \(field)"
        }
        let number = try TwilioJSON.decoder.decode(IncomingPhoneNumber.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(try ContractHarness.encodedKeys(number) == Set(Self.webhookFields), "no webhook setting is ignored")
        #expect(number.smsApplicationSid == "value of sms_application_sid")
        #expect(number.voiceFallbackMethod == .get)
        #expect(number.trunkSid == "value of trunk_sid")
    }

    @Test func everyWebhookURLAndSidCanBeCleared() async throws {
        let clearing = IncomingPhoneNumberUpdateParameters(
            smsApplicationSid: "", smsFallbackURL: "", smsURL: "", statusCallback: "",
            voiceApplicationSid: "", voiceFallbackURL: "", voiceURL: "", trunkSid: "")
        let request = try await harness.check("UpdateIncomingPhoneNumber") { _ = try await $0.incomingPhoneNumbers.update(numberSid, clearing) }
        let form = FormParameters.decode(String(decoding: request.body ?? [], as: UTF8.self))
        #expect(form.items.count == 8)
        #expect(form.items.allSatisfy { $0.value.isEmpty }, "an empty string is sent, not left out")
        #expect(Set(form.items.map(\.name)) == ["SmsApplicationSid", "SmsFallbackUrl", "SmsUrl", "StatusCallback",
                                                "VoiceApplicationSid", "VoiceFallbackUrl", "VoiceUrl", "TrunkSid"])
    }

    @Test func restoringPutsBackEveryWebhookSetting() async throws {
        let example = try #require(try OpenAPISpec.load(.api).operation(id: "FetchIncomingPhoneNumber")?.responseExamples.first)
        let number = try TwilioJSON.decoder.decode(IncomingPhoneNumber.self, from: example.json)
        let request = try await harness.check("UpdateIncomingPhoneNumber") {
            _ = try await $0.incomingPhoneNumbers.update(numberSid, .init(restoringWebhooksOf: number))
        }
        let form = FormParameters.decode(String(decoding: request.body ?? [], as: UTF8.self))
        #expect(form.values("SmsUrl") == [number.smsUrl ?? ""])
        #expect(form.values("SmsMethod") == ["POST"])
        #expect(form.values("VoiceUrl") == [""], "a null URL is restored by clearing it")
        #expect(form.values("VoiceFallbackMethod") == ["POST"])
        #expect(form.values("StatusCallback") == [number.statusCallback ?? ""])
        #expect(form.values("FriendlyName").isEmpty, "only webhook settings are restored")
        let restoredNames = Set(form.items.map(\.name))
        #expect(restoredNames.isSuperset(of: ["SmsUrl", "SmsMethod", "SmsFallbackUrl", "SmsFallbackMethod", "SmsApplicationSid",
                                              "VoiceUrl", "VoiceMethod", "VoiceFallbackUrl", "VoiceFallbackMethod", "StatusCallback",
                                              "StatusCallbackMethod"]))
    }

    @Test(arguments: [
        ("TKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", nil, ["TrunkSid": "TKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]),
        (nil, "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ["VoiceApplicationSid": "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]),
        (nil, nil, ["TrunkSid": "", "VoiceApplicationSid": ""]),
        ("", "", ["TrunkSid": "", "VoiceApplicationSid": ""]),
    ] as [(String?, String?, [String: String])])
    func restoringSendsOnlyTheTrunkOrTheApplicationItHad(trunkSid: String?, voiceApplicationSid: String?, expected: [String: String]) {
        var number = IncomingPhoneNumber()
        number.trunkSid = trunkSid
        number.voiceApplicationSid = voiceApplicationSid
        let form = IncomingPhoneNumberUpdateParameters(restoringWebhooksOf: number).form
        var sent: [String: String] = [:]
        for name in ["TrunkSid", "VoiceApplicationSid"] { sent[name] = form.values(name).first }
        #expect(sent == expected)
    }

    @Test func unknownMethodsAreLeftUnchangedWhenRestoring() throws {
        let number = try TwilioJSON.decoder.decode(IncomingPhoneNumber.self, from: Data(#"{"sms_method":"PUT","voice_method":"GET"}"#.utf8))
        let form = IncomingPhoneNumberUpdateParameters(restoringWebhooksOf: number).form
        #expect(form.values("SmsMethod").isEmpty)
        #expect(form.values("VoiceMethod") == ["GET"])
    }
}
