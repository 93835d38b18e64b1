import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// Every action of the component seeds (002, 003, 004) and the block seed (000), held to its
/// document against the sandbox: its example runs and answers every documented output in its
/// documented type; every documented parameter is in the advertised schema in its documented
/// shape, and is not refused for its name or its shape. The cases run one at a time: each starts
/// a sandbox and sends it dozens of requests, which all at once would crowd out the other suites.
@Suite("Component and block seeds against the connector", .serialized)
struct ActionConformanceTests {
    static let entries = SeedDocuments.entries(.component) + SeedDocuments.entries(.block)

    /// The conformance of `entry` in a fresh sandbox.
    private func withConformance(_ entry: SeedEntry, _ body: (SeedConformance) async throws -> Void) async throws {
        let action = try #require(SeedActionResolver.action(for: entry), "the connector has no action for \(entry.testDescription)")
        try await ConnectorFixture.with { fixture in try await body(SeedConformance(entry, action: action, fixture: fixture)) }
    }

    @Test(arguments: entries)
    func theExampleRunsAndAnswersEveryDocumentedOutput(_ entry: SeedEntry) async throws {
        try await withConformance(entry) { conformance in
            let input = try await conformance.example()
            let result = await conformance.run(input)
            #expect(result.flag("success") == true, "\(input) → \(result.text("error") ?? "")")
            let problems = conformance.outputProblems(result)
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test(arguments: entries)
    func everyDocumentedParameterIsAcceptedInItsDocumentedShape(_ entry: SeedEntry) async throws {
        try await withConformance(entry) { conformance in
            let example = try await conformance.example()
            for parameter in entry.parameters {
                let input = try await conformance.probe(parameter.name, in: example)
                let value = input[parameter.name] ?? .null
                if let problem = parameter.type.problem(with: value, at: parameter.name) { Issue.record("the suite's own value: \(problem)") }
                let schemaProblems = conformance.schemaProblems(parameter.name, value)
                let refusals = SeedConformance.refusals(of: parameter.name, in: await conformance.run(input))
                #expect(schemaProblems.isEmpty, "\(schemaProblems)")
                #expect(refusals.isEmpty, "\(parameter.name) = \(value.compactText): \(refusals)")
            }
        }
    }

    /// The block seed documents `accountSid` and `authToken` on every block: they are the
    /// credentials used (a wrong token fails the call), not decoration beside the default connection.
    @Test(arguments: SeedDocuments.entries(.block))
    func perCallCredentialsAreTheOnesUsed(_ entry: SeedEntry) async throws {
        try await withConformance(entry) { conformance in
            var input = try await conformance.example()
            try #require(input["authToken"] != nil, "the block seed documents authToken")
            input["authToken"] = "not-the-auth-token"
            let result = await conformance.run(input)
            #expect(result.flag("success") == false, "\(conformance.action.name) ran with a wrong authToken")
        }
    }

    @Test(arguments: entries)
    func theConnectorRequiresNothingTheSeedLeavesOptional(_ entry: SeedEntry) throws {
        let action = try #require(SeedActionResolver.action(for: entry))
        guard case .array(let names)? = action.inputSchema.objectFields?["required"] else { return }
        let documented = Dictionary(entry.parameters.map { ($0.name, $0.required) }, uniquingKeysWith: { first, _ in first })
        for case .string(let name) in names {
            #expect(documented[name] != .some(false), "\(action.name) requires \(name), which the seed makes optional")
            #expect(documented[name] != nil || entry.example == nil || entry.exampleParameters[name] != nil,
                    "\(action.name) requires \(name), which the seed's example lacks")
        }
    }
}
