import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox Applications: calls and numbers use an Application's webhooks")
struct ApplicationsSandboxTests {
    private func applications(_ sandbox: SandboxFixture) -> String {
        "/api/2010-04-01/Accounts/\(sandbox.server.configuration.accountSID)/Applications"
    }

    @Test func applicationsAreCreatedListedUpdatedAndDeleted() async throws {
        try await SandboxFixture.with { sandbox in
            let created = try await sandbox.inspect(.post, applications(sandbox) + ".json", form: [
                ("FriendlyName", "IVR"), ("VoiceUrl", "https://example.com/voice"), ("VoiceMethod", "GET"),
                ("StatusCallback", "https://example.com/status"), ("SmsUrl", "https://example.com/sms"),
            ])
            #expect(created.status == 201)
            let sid = try #require(created.json["sid"] as? String)
            #expect(sid.hasPrefix("AP") && sid.count == 34)
            #expect(created.json["voice_url"] as? String == "https://example.com/voice")
            #expect(created.json["voice_method"] as? String == "GET")
            #expect(created.json["sms_url"] as? String == "https://example.com/sms")
            #expect(created.json["uri"] as? String == "/2010-04-01/Accounts/\(sandbox.server.configuration.accountSID)/Applications/\(sid).json")

            let listed = try await sandbox.inspect(.get, applications(sandbox) + ".json?FriendlyName=IVR")
            #expect((listed.json["applications"] as? [[String: Any]])?.compactMap { $0["sid"] as? String } == [sid])
            let updated = try await sandbox.inspect(.post, applications(sandbox) + "/\(sid).json", form: [("VoiceUrl", "")])
            #expect(updated.json["voice_url"] is NSNull, "an empty URL clears it")
            let refused = try await sandbox.inspect(.post, applications(sandbox) + "/\(sid).json", form: [("VoiceUrl", "ftp://nope")])
            #expect(refused.status == 400)
            #expect(refused.json["code"] as? Int == 21502)

            #expect(try await sandbox.inspect(.delete, applications(sandbox) + "/\(sid).json").status == 204)
            #expect(try await sandbox.inspect(.get, applications(sandbox) + "/\(sid).json").status == 404)
        }
    }

    @Test func aCallWithAnApplicationSidRunsTheApplicationsTwiML() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/voice", with: "<Response><Say>Welcome to the application</Say></Response>")
            let created = try await sandbox.inspect(.post, applications(sandbox) + ".json", form: [
                ("VoiceUrl", recorder.baseURL + "/voice"), ("StatusCallback", recorder.baseURL + "/status"),
            ])
            let application = try #require(created.json["sid"] as? String)

            let call = try await sandbox.client.calls.create(.init(to: "+14155550321", from: "+15005550006", instructions: .application(sid: application)))
            let done = try await sandbox.eventually({ try await sandbox.client.calls.fetch(call.sid ?? "") }) { $0.status == .completed }
            #expect(done.status == .completed)
            let requests = try await recorder.waitFor { received in received.contains { $0.path == "/status" } }
            let voice = try #require(requests.first { $0.path == "/voice" })
            #expect(voice.form.first("CallSid") == call.sid)
            #expect(TwilioRequestValidator(authToken: sandbox.server.configuration.authToken)
                .validate(url: voice.url, parameters: voice.form.items.map { ($0.name, $0.value) }, signature: voice.signature ?? ""))
            #expect(requests.first { $0.path == "/status" }?.form.first("CallStatus") == "completed", "the application's StatusCallback")
            let log = try await sandbox.inspect(.get, "/sandbox/calls/\(call.sid ?? "")/events")
            #expect((log.json["events"] as? [[String: Any]] ?? []).contains { $0["text"] as? String == "Welcome to the application" })

            let unknown = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.calls.create(.init(to: "+14155550321", from: "+15005550006",
                                                                instructions: .application(sid: "AP00000000000000000000000000000000")))
            }
            #expect(unknown?.code == 21218)
        }
    }

    @Test func aNumbersVoiceApplicationAnswersItsCalls() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/app-voice", with: "<Response><Say>The application answers</Say></Response>")
            let created = try await sandbox.inspect(.post, applications(sandbox) + ".json", form: [("VoiceUrl", recorder.baseURL + "/app-voice")])
            let application = try #require(created.json["sid"] as? String)
            let number = try #require(try await sandbox.client.incomingPhoneNumbers.list(.init(phoneNumber: "+14155550101")).collect().first?.sid)
            let updated = try await sandbox.client.incomingPhoneNumbers.update(number, .init(voiceApplicationSid: application, voiceURL: recorder.baseURL + "/own-voice"))
            #expect(updated.voiceApplicationSid == application)

            _ = try await sandbox.inspect(.post, "/sandbox/handsets/+14155557790/calls", form: [("To", "+14155550101")])
            let requests = try await recorder.waitFor { $0.contains { $0.path == "/app-voice" } }
            #expect(!requests.contains { $0.path == "/own-voice" }, "the application's VoiceUrl, not the number's own")

            let refused = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.incomingPhoneNumbers.update(number, .init(smsApplicationSid: "AP00000000000000000000000000000000"))
            }
            #expect(refused?.code == 21218)
        }
    }

    @Test func theEchoTwimletServesTwiMLWithoutCredentials() async throws {
        try await SandboxFixture.with { sandbox in
            let twiml = "<Response><Say>Echo</Say></Response>"
            let encoded = twiml.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let response = try await HTTP1Transport().execute(
                TwilioHTTPRequest(method: .get, url: sandbox.server.baseURL + "/twimlets/echo?Twiml=" + encoded, headers: [], body: nil),
                timeout: .seconds(5))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == twiml)
            #expect(response.header("Content-Type") == "text/xml")
            let invalid = try await sandbox.request(.get, "/twimlets/echo?Twiml=not-xml")
            #expect(invalid.status == 400)
            #expect(try await sandbox.request(.get, "/sandbox/calls").status == 200, "the rest still needs credentials")
        }
    }
}
