import Foundation
import Testing
@testable import TwilioKit

@Suite("Content v1 against the OpenAPI spec")
struct ContentContractTests {
    let harness = ContractHarness()

    @Test func list() async throws {
        let request = try await harness.check("ListContent") { client in
            let templates = try await client.content.list(limit: 3).collect()
            #expect(templates.allSatisfy { $0.sid?.hasPrefix("HX") == true })
        }
        #expect(request.url.contains("PageSize=3"))
        let sized = try await harness.check("ListContent") { _ = try await $0.content.list(pageSize: 20).firstPageOnly() }
        #expect(sized.url.hasSuffix("/v1/Content?PageSize=20"))
    }

    @Test func fetch() async throws {
        try await harness.check("FetchContent") { client in
            let template = try await client.content.fetch("HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
            #expect(template.friendlyName == "Some content")
        }
    }

    @Test func modelDecodesEveryExample() throws {
        try ContractHarness.decodeExamples("FetchContent", in: .content, as: ContentTemplate.self)
        try ContractHarness.decodeListExamples("ListContent", in: .content, of: ContentTemplate.self)
    }

    @Test func typesStayFreeForm() throws {
        let example = try #require(try OpenAPISpec.load(.content).operation(id: "FetchContent")?.responseExamples.first)
        let template = try TwilioJSON.decoder.decode(ContentTemplate.self, from: example.json)
        #expect(template.variables == ["name": "foo"])
        #expect(template.language == "en")
        #expect(template.dateCreated == TwilioDateFormat.date(from: "2015-07-30T19:00:00Z"))
        #expect(template.types == .object([
            "twilio/text": .object(["body": .string("Foo Bar Co is located at 39.7392, 104.9903")]),
            "twilio/location": .object(["longitude": .number(104.9903), "latitude": .number(39.7392), "label": .string("Foo Bar Co")]),
        ]))
    }
}
