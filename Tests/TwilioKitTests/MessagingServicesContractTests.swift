import Foundation
import Testing
@testable import TwilioKit

@Suite("Messaging v1 Services against the OpenAPI spec")
struct MessagingServicesContractTests {
    let harness = ContractHarness()
    let serviceSid = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    let numberSid = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

    private func form(_ request: TwilioHTTPRequest) -> FormParameters {
        FormParameters.decode(String(decoding: request.body ?? [], as: UTF8.self))
    }

    private func operation(_ operationID: String) throws -> OpenAPISpec.Operation {
        try #require(try OpenAPISpec.load(.messaging).operation(id: operationID))
    }

    @Test func fetchAndList() async throws {
        let fetch = try await harness.check("FetchService") { client in
            let service = try await client.messagingServices.fetch(serviceSid)
            #expect(service.sid == serviceSid)
        }
        #expect(fetch.url.hasSuffix("/messaging/v1/Services/\(serviceSid)"))
        let list = try await harness.check("ListService") { client in
            let services = try await client.messagingServices.list(limit: 5).collect()
            #expect(services.isEmpty == false)
        }
        #expect(list.url.hasSuffix("/v1/Services?PageSize=5"))
        try await harness.check("ListService") { _ = try await $0.messagingServices.list(pageSize: 50).firstPageOnly() }
    }

    @Test func updateWithEveryParameter() async throws {
        let parameters = MessagingServiceUpdateParameters(
            friendlyName: "Support", inboundRequestURL: "https://example.com/inbound", inboundMethod: .get,
            fallbackURL: "https://example.com/fallback", fallbackMethod: .post, statusCallback: "https://example.com/status",
            stickySender: true, mmsConverter: false, smartEncoding: true, scanMessageContent: .inherit, fallbackToLongCode: false,
            areaCodeGeomatch: true, validityPeriod: 600, synchronousValidation: true, usecase: "notifications",
            useInboundWebhookOnNumber: false)
        let request = try await harness.check("UpdateService") { client in
            let service = try await client.messagingServices.update(serviceSid, parameters)
            #expect(service.inboundMethod == .post)
        }
        let form = form(request)
        #expect(Set(form.items.map(\.name)) == (try operation("UpdateService").formParameters), "every UpdateService parameter is settable")
        #expect(form.values("InboundRequestUrl") == ["https://example.com/inbound"])
        #expect(form.values("InboundMethod") == ["GET"])
        #expect(form.values("UseInboundWebhookOnNumber") == ["false"])
        #expect(form.values("ValidityPeriod") == ["600"])
        let allowed = try operation("UpdateService").formParameterSchema("ScanMessageContent")["enum"] as? [String]
        #expect(Set(MessagingServiceUpdateParameters.ScanMessageContent.allCases.map(\.rawValue)) == Set(allowed ?? []))
    }

    @Test func webhookURLsCanBeClearedAndRestored() async throws {
        let cleared = try await harness.check("UpdateService") {
            _ = try await $0.messagingServices.update(serviceSid, .init(inboundRequestURL: "", fallbackURL: "", statusCallback: ""))
        }
        #expect(cleared.body.map { String(decoding: $0, as: UTF8.self) } == "InboundRequestUrl=&FallbackUrl=&StatusCallback=")

        let example = try #require(try operation("FetchService").responseExamples.first)
        let service = try TwilioJSON.decoder.decode(MessagingService.self, from: example.json)
        let restore = try await harness.check("UpdateService") {
            _ = try await $0.messagingServices.update(serviceSid, .init(restoringWebhooksOf: service))
        }
        let form = form(restore)
        #expect(form.items.map(\.name) == ["InboundRequestUrl", "InboundMethod", "FallbackUrl", "FallbackMethod", "StatusCallback",
                                           "UseInboundWebhookOnNumber"])
        #expect(form.values("InboundRequestUrl") == ["https://www.example.com/"])
        #expect(form.values("FallbackUrl") == [""], "a null URL is restored by clearing it")
        #expect(form.values("FallbackMethod") == ["POST"])
        #expect(form.values("StatusCallback") == ["https://www.example.com"])
        #expect(form.values("UseInboundWebhookOnNumber") == ["true"])
    }

    @Test func phoneNumbers() async throws {
        let list = try await harness.check("ListPhoneNumber") { client in
            let numbers = try await client.messagingServices.listPhoneNumbers(serviceSid: serviceSid, limit: 20).collect()
            #expect(numbers.first?.phoneNumber == "+987654321")
        }
        #expect(list.url.hasSuffix("/v1/Services/\(serviceSid)/PhoneNumbers?PageSize=20"))
        try await harness.check("FetchPhoneNumber") { _ = try await $0.messagingServices.fetchPhoneNumber(numberSid, serviceSid: serviceSid) }
        let add = try await harness.check("CreatePhoneNumber") { client in
            let number = try await client.messagingServices.addPhoneNumber(numberSid, serviceSid: serviceSid)
            #expect(number.serviceSid == serviceSid)
        }
        #expect(Set(form(add).items.map(\.name)) == (try operation("CreatePhoneNumber").formParameters))
        try await harness.check("DeletePhoneNumber") { try await $0.messagingServices.removePhoneNumber(numberSid, serviceSid: serviceSid) }
    }

    @Test func modelsDecodeEveryExample() throws {
        for operation in ["CreateService", "FetchService", "UpdateService"] {
            try ContractHarness.decodeExamples(operation, in: .messaging, as: MessagingService.self)
        }
        try ContractHarness.decodeListExamples("ListService", in: .messaging, of: MessagingService.self)
        for operation in ["CreatePhoneNumber", "FetchPhoneNumber"] {
            try ContractHarness.decodeExamples(operation, in: .messaging, as: MessagingServicePhoneNumber.self)
        }
        try ContractHarness.decodeListExamples("ListPhoneNumber", in: .messaging, of: MessagingServicePhoneNumber.self)
    }

    @Test func modelsCoverEveryPropertyOfTheirSchemas() throws {
        let spec = try OpenAPISpec.load(.messaging)
        func properties(_ schema: String) -> Set<String> {
            Set((spec.resolve(["$ref": "#/components/schemas/\(schema)"])["properties"] as? [String: Any] ?? [:]).keys)
        }
        // Every non-null property of the examples decodes and encodes back: none is ignored.
        let example = try #require(try operation("FetchService").responseExamples.first)
        let service = try TwilioJSON.decoder.decode(MessagingService.self, from: example.json)
        #expect(try ContractHarness.encodedKeys(service) == properties("messaging.v1.service").subtracting(["fallback_url"]))
        let numbers = try #require(try operation("ListPhoneNumber").responseExamples.first)
        let number = try #require(try TwilioJSON.decoder.decode(PageEnvelope<MessagingServicePhoneNumber>.self, from: numbers.json).items.first)
        #expect(try ContractHarness.encodedKeys(number) == properties("messaging.v1.service.phone_number"))
    }

    @Test func decodedValuesKeepTwilioForms() throws {
        let example = try #require(try operation("FetchService").responseExamples.first)
        let service = try TwilioJSON.decoder.decode(MessagingService.self, from: example.json)
        #expect(service.inboundRequestUrl == "https://www.example.com/")
        #expect(service.inboundMethod == .post)
        #expect(service.fallbackUrl == nil)
        #expect(service.fallbackMethod == .post)
        #expect(service.statusCallback == "https://www.example.com")
        #expect(service.useInboundWebhookOnNumber == true)
        #expect(service.scanMessageContent == .inherit)
        #expect(service.validityPeriod == 600)
        #expect(service.links?["phone_numbers"]?.hasSuffix("/PhoneNumbers") == true)
        let unknown = try TwilioJSON.decoder.decode(MessagingService.self, from: Data(#"{"inbound_method":"PUT","scan_message_content":"maybe"}"#.utf8))
        #expect(unknown.inboundMethod == .unknown)
        #expect(unknown.scanMessageContent == .unknown)
    }
}
