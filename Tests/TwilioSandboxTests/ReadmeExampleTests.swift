import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

/// The README's library example, run as written against the sandbox (only the environment differs).
@Suite("README library example")
struct ReadmeExampleTests {
    @Test func theExampleRuns() async throws {
        try await SandboxFixture.with { sandbox in
            let environment = sandbox.server.environment
            // — README begins —
            let client = try TwilioClient.fromEnvironment(environment)!          // nil when no credentials are set

            // Send a message. A create is never retried once it may have reached Twilio.
            let message = try await client.messages.create(.init(to: "+14155559999", from: "+15005550006", body: "Hello"))
            print(message.sid ?? "", message.status ?? .unknown)

            // Page through calls: pages are fetched as the loop reaches them, up to the limit.
            for try await call in client.calls.list(.init(status: .completed), limit: 200) {
                print(call.sid ?? "", call.durationSeconds ?? 0)
            }

            // Validate a webhook's X-Twilio-Signature.
            let validator = TwilioRequestValidator(authToken: "your-auth-token")
            let isGenuine = validator.validate(url: "https://example.com/sms", parameters: [("Body", "hi")], signature: "…")
            // — README ends —
            #expect(message.status == .queued)
            #expect(!isGenuine)
        }
    }
}
