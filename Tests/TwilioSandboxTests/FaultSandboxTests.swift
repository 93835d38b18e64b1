import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox faults and TwilioKit's retries")
struct FaultSandboxTests {
    private func fastRetries(_ client: TwilioClient) -> TwilioClient {
        client.withRetryPolicy(.init(maximumAttempts: 4, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(20), deadline: .seconds(10)))
    }

    @Test func rateLimitedCreatesAreRetriedAndSentOnce() async throws {
        try await SandboxFixture.with { sandbox in
            let added = try await sandbox.inspect(.post, "/sandbox/faults", form: [
                ("Kind", "429"), ("Method", "POST"), ("PathContains", "/Messages.json"), ("Count", "2"), ("RetryAfter", "0"),
            ])
            #expect(added.status == 201)
            let message = try await fastRetries(sandbox.client).messages.create(.init(to: "+14155550123", from: "+15005550006", body: "once"))
            #expect(message.status == .queued)
            let all = try await sandbox.client.messages.list(.init(to: "+14155550123")).collect()
            #expect(all.count == 1)
            #expect(try await sandbox.inspect(.get, "/sandbox/faults").json["injected"] as? Int == 2)
        }
    }

    @Test func aLostAnswerToACreateIsReportedAndNeverResent() async throws {
        try await SandboxFixture.with { sandbox in
            _ = try await sandbox.inspect(.post, "/sandbox/faults", form: [
                ("Kind", "drop-response"), ("Method", "POST"), ("PathContains", "/Messages.json"), ("Count", "1"),
            ])
            let error = await #expect(throws: TwilioError.self) {
                _ = try await fastRetries(sandbox.client).messages.create(.init(to: "+14155550124", from: "+15005550006", body: "maybe"))
            }
            #expect(error?.kind == .noAnswer)
            #expect(error?.requestMayHaveBeenSent == true)
            #expect(error?.attempts == 1)
            let all = try await sandbox.client.messages.list(.init(to: "+14155550124")).collect()
            #expect(all.count == 1, "the message exists exactly once, as the error warned")
        }
    }

    @Test func fetchesRideOutServerErrors() async throws {
        try await SandboxFixture.with { sandbox in
            let message = try await sandbox.client.messages.create(.init(to: "+14155550125", from: "+15005550006", body: "x"))
            _ = try await sandbox.inspect(.post, "/sandbox/faults", form: [
                ("Kind", "500"), ("Method", "GET"), ("PathContains", "/Messages/"), ("Count", "2"),
            ])
            let fetched = try await fastRetries(sandbox.client).messages.fetch(message.sid ?? "")
            #expect(fetched.sid == message.sid)
        }
    }

    @Test func timeoutsApplyPerCall() async throws {
        try await SandboxFixture.with { sandbox in
            _ = try await sandbox.inspect(.post, "/sandbox/faults", form: [("Kind", "latency"), ("LatencyMs", "1500"), ("PathContains", "/Messages.json")])
            let error = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.withRetryPolicy(.never).withTimeout(.milliseconds(200))
                    .messages.list().firstPageOnly()
            }
            #expect(error?.kind == .noAnswer)
            _ = try await sandbox.inspect(.delete, "/sandbox/faults")
        }
    }
}
