import Foundation
import Testing
@testable import TwilioKit

@Suite("Messages and Media against the OpenAPI spec")
struct MessagesContractTests {
    let harness = ContractHarness()

    @Test func createWithEveryParameter() async throws {
        let sendAt = Date(timeIntervalSince1970: 1_900_000_000)
        let parameters = MessageCreateParameters(
            to: "+14155550100", from: "+14155550199", messagingServiceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            body: "Hello & <welcome>", mediaURLs: ["https://example.com/a.png", "https://example.com/b.png"],
            contentSid: "HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", contentVariables: #"{"1":"Ana"}"#,
            statusCallback: "https://example.com/status", applicationSid: "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            maxPrice: Decimal(string: "0.05"), provideFeedback: true, attempt: 2, validityPeriod: 600, forceDelivery: false,
            contentRetention: .discard, addressRetention: .obfuscate, smartEncoded: true,
            persistentAction: ["mailto:a@example.com", "geo:37.7,-122.4"], trafficType: .free, shortenURLs: true,
            scheduleType: .fixed, sendAt: sendAt, sendAsMMS: true, riskCheck: .disable, fallbackFrom: "+14155550198")
        let request = try await harness.check("CreateMessage") { client in
            let message = try await client.messages.create(parameters)
            #expect(message.sid?.hasPrefix("SM") == true || message.sid?.hasPrefix("MM") == true)
        }
        let form = FormParameters.decode(String(decoding: request.body ?? [], as: UTF8.self))
        let spec = try OpenAPISpec.load(.api)
        let operation = try #require(spec.operation(id: "CreateMessage"))
        #expect(Set(form.items.map(\.name)) == operation.formParameters, "every CreateMessage parameter is settable")
        #expect(form.values("MediaUrl") == ["https://example.com/a.png", "https://example.com/b.png"])
        #expect(form.values("SendAt") == ["2030-03-17T17:46:40Z"])
        #expect(form.values("Body") == ["Hello & <welcome>"])
        #expect(form.values("MaxPrice") == ["0.05"])
    }

    @Test func fetchUpdateDelete() async throws {
        try await harness.check("FetchMessage") { _ = try await $0.messages.fetch("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") }
        let cancel = try await harness.check("UpdateMessage") { _ = try await $0.messages.cancel("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") }
        #expect(cancel.body.map { String(decoding: $0, as: UTF8.self) } == "Status=canceled")
        let redact = try await harness.check("UpdateMessage") { _ = try await $0.messages.redact("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") }
        #expect(redact.body.map { String(decoding: $0, as: UTF8.self) } == "Body=")
        try await harness.check("DeleteMessage") { try await $0.messages.delete("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") }
    }

    @Test func listWithFilters() async throws {
        let day = try #require(TwilioDateFormat.date(from: "2024-05-01"))
        let request = try await harness.check("ListMessage") { client in
            let page = try await client.messages.list(.init(to: "+14155550100", from: "+14155550199", dateSent: .after(day)), limit: 20).firstPageOnly()
            #expect(!page.items.isEmpty)
        }
        #expect(request.url.contains("DateSent%3E=2024-05-01"))
        #expect(request.url.contains("To=%2B14155550100"))
        #expect(request.url.contains("PageSize=20"))
        try await harness.check("ListMessage") { _ = try await $0.messages.list(.init(dateSent: .before(day, precision: .time))).firstPageOnly() }
    }

    @Test func media() async throws {
        try await harness.check("ListMedia") { _ = try await $0.messages.listMedia("MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").firstPageOnly() }
        try await harness.check("FetchMedia") { _ = try await $0.messages.fetchMedia("MEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", messageSid: "MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") }
        try await harness.check("DeleteMedia") { try await $0.messages.deleteMedia("MEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", messageSid: "MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") }
    }

    @Test func modelsDecodeEveryExample() throws {
        for operation in ["CreateMessage", "FetchMessage", "UpdateMessage"] {
            try ContractHarness.decodeExamples(operation, in: .api, as: Message.self)
        }
        try ContractHarness.decodeListExamples("ListMessage", in: .api, of: Message.self)
        try ContractHarness.decodeExamples("FetchMedia", in: .api, as: MessageMedia.self)
        try ContractHarness.decodeListExamples("ListMedia", in: .api, of: MessageMedia.self)
    }

    @Test func twiliosMessagesAreReadFieldByField() throws {
        let spec = try OpenAPISpec.load(.api)
        for operation in ["CreateMessage", "FetchMessage", "UpdateMessage"] {
            for example in try #require(spec.operation(id: operation)?.responseExamples) {
                let object = try #require(try JSONParser.parse(Array(example.json)).objectFields)
                var fields = TwilioFieldReader(object: object)
                _ = Message(twilioFields: &fields)
                #expect(fields.readsAsDecodable, "\(operation) '\(example.name)' has a field Message does not read: \(object.keys.sorted())")
            }
        }
    }

    @Test func decodedValuesKeepTwilioForms() throws {
        let spec = try OpenAPISpec.load(.api)
        let example = try #require(spec.operation(id: "ListMessage")?.responseExamples.first { $0.name == "readFullPage1" })
        let page = try TwilioJSON.decoder.decode(PageEnvelope<Message>.self, from: example.json)
        let message = try #require(page.items.first)
        #expect(message.price == "-0.00750")
        #expect(message.priceAmount == Decimal(string: "-0.0075"))
        #expect(message.segmentCount == 1)
        #expect(message.direction == .outboundAPI)
        #expect(message.dateCreated == TwilioDateFormat.date(from: "2019-05-24T17:44:46Z"))
    }
}
