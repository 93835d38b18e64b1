import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// Every action of the toolkit seed (001): the connector advertises exactly the seed's response
/// schema, and every output — answers and failures — validates against it.
@Suite("Toolkit seed (001) against the connector", .serialized)
struct ToolkitConformanceTests {
    @Test(arguments: SeedDocuments.entries(.toolkit))
    func theAdvertisedOutputSchemaIsTheSeeds(_ entry: SeedEntry) throws {
        let action = try #require(SeedActionResolver.action(for: entry), "the connector has no \(entry.name ?? "")")
        #expect(action.outputSchema == entry.responseSchema, "\(action.outputSchema.compactText)")
    }

    @Test(arguments: SeedDocuments.entries(.toolkit))
    func everyOutputValidatesAgainstTheSeedsSchema(_ entry: SeedEntry) async throws {
        let action = try #require(SeedActionResolver.action(for: entry))
        let validator = JSONSchemaValidator(root: try #require(entry.responseSchema))
        try await ConnectorFixture.with { fixture in
            let conformance = SeedConformance(entry, action: action, fixture: fixture)
            var input: [String: JSONValue] = [:]
            for name in (action.example.objectFields ?? [:]).keys {
                input[name] = try await conformance.value(for: name)
            }
            let answered = await fixture.run(action.name, .object(input))
            #expect(answered.flag("success") == true, "\(input) → \(answered.text("error") ?? "")")
            #expect(validator.errors(in: .object(answered)).isEmpty, "\(validator.errors(in: .object(answered)))")
            let refused = await fixture.run(action.name, ["not_a_parameter": true])
            #expect(refused.flag("success") == false)
            #expect(validator.errors(in: .object(refused)).isEmpty, "\(validator.errors(in: .object(refused)))")
        }
    }
}
