import Foundation
import Testing
import TwilioConnector
import TwilioKit

extension ConnectorFixture {
    /// Runs an action expected to be refused before sending anything, and proves the sandbox got
    /// no request: a one-shot fault on every path is armed first and must still be unused after.
    /// Returns the refusal's error sentence.
    func refusal(_ action: String, _ parameters: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let armed = try await sandboxForm(.post, "/sandbox/faults", form: [("Kind", "500"), ("PathContains", "/"), ("Count", "1")])
        #expect(armed == 201, sourceLocation: sourceLocation)
        let result = await run(action, parameters)
        let faults = try await sandboxJSON("/sandbox/faults")
        _ = try await sandboxForm(.delete, "/sandbox/faults", form: [])
        #expect(result.flag("success") == false, sourceLocation: sourceLocation)
        #expect(faults.number("injected") == 0, "the sandbox received a request", sourceLocation: sourceLocation)
        let error = result.text("error") ?? ""
        #expect(error.hasSuffix("Nothing was sent."), "\(error)", sourceLocation: sourceLocation)
        return error
    }
}
