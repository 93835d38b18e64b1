import Foundation
import Testing
import TwilioKit

/// `/streams/<workflow>` on the connector's routes: the upgrade is refused, before any WebSocket,
/// without Twilio's signature over the stream's URL (403) or for a workflow that does not exist
/// (404); a signed request that is no upgrade is told to upgrade (426).
@Suite("The streams' admission")
struct StreamAdmissionTests {
    static let upgradeHeaders = [(name: "Connection", value: "Upgrade"), (name: "Upgrade", value: "websocket"),
                                 (name: "Sec-WebSocket-Version", value: "13"), (name: "Sec-WebSocket-Key", value: "dGhlIHNhbXBsZSBub25jZQ==")]

    /// A GET of `path` on the fixture's routes with `headers`, signed over the stream's `ws://` URL with `token`.
    private func get(_ fixture: VoiceFixture, _ path: String, signedWith token: String, headers: [(name: String, value: String)] = StreamAdmissionTests.upgradeHeaders)
        async throws -> TwilioHTTPResponse {
        let url = fixture.routes.url + path
        let signature = TwilioRequestValidator(authToken: token).signature(url: url.replacingOccurrences(of: "http://", with: "ws://"))
        return try await HTTP1Transport().execute(
            TwilioHTTPRequest(method: .get, url: url, headers: headers + [(name: "X-Twilio-Signature", value: signature)]), timeout: .seconds(10))
    }

    @Test func anUpgradeWithABadSignatureIsRefused() async throws {
        try await VoiceFixture.with { fixture in
            let response = try await get(fixture, "/streams/echo", signedWith: "not-the-auth-token")
            #expect(response.status == 403)
            #expect(String(decoding: response.body, as: UTF8.self).contains("not signed by Twilio"))
        }
    }

    @Test func anUpgradeToAnUnknownWorkflowIsNotFound() async throws {
        try await VoiceFixture.with { fixture in
            let response = try await get(fixture, "/streams/nope", signedWith: fixture.sandbox.configuration.authToken)
            #expect(response.status == 404)
            #expect(String(decoding: response.body, as: UTF8.self).contains("echo"), "the error lists the workflows")
        }
    }

    @Test func aSignedRequestThatIsNoUpgradeIsToldToUpgrade() async throws {
        try await VoiceFixture.with { fixture in
            let signed = try await get(fixture, "/streams/echo", signedWith: fixture.sandbox.configuration.authToken, headers: [])
            #expect(signed.status == 426)
            let unsigned = try await get(fixture, "/streams/echo", signedWith: "not-the-auth-token", headers: [])
            #expect(unsigned.status == 403)
        }
    }
}
