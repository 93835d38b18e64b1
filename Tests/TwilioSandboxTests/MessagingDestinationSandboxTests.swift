import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

/// Where a message or call may go: a real recipient (21211 otherwise, for messages and calls
/// alike), alphanumeric sender IDs only where carriers take them (21612 towards the US and
/// Canada), and the account's SMS Geo-Permissions (21408).
@Suite("Sandbox message and call destinations")
struct MessagingDestinationSandboxTests {
    @Test(arguments: ["garbage", "hello world", "12345", "ACME", "+1", "whatsapp:hello"])
    func recipientsThatCannotReceiveAreRefusedWith21211(to: String) async throws {
        try await SandboxFixture.with { sandbox in
            let message = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.messages.create(.init(to: to, from: "+15005550006", body: "Hi"))
            }
            #expect(message?.code == 21211)
            #expect(message?.httpStatus == 400)
            #expect(message?.message.hasPrefix("Invalid 'To' Phone Number") == true)
            let call = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.calls.create(.init(to: to, from: "+15005550006", instructions: .twiml("<Response/>")))
            }
            #expect(call?.code == 21211)
            #expect(call?.httpStatus == 400)
        }
    }

    @Test func alphanumericSendersDoNotReachTheUSOrCanada() async throws {
        try await SandboxFixture.with { sandbox in
            for to in ["+14155550123", "+14165550123"] {
                let error = await #expect(throws: TwilioError.self) {
                    _ = try await sandbox.client.messages.create(.init(to: to, from: "ACME", body: "Your code is 1234"))
                }
                #expect(error?.code == 21612, "\(to)")
                #expect(error?.message.contains("not currently reachable") == true)
            }
            let british = try await sandbox.client.messages.create(.init(to: "+447700900123", from: "ACME", body: "Your code is 1234"))
            #expect(british.status == .queued)
            #expect(british.from == "ACME")
        }
    }

    @Test func countriesSwitchedOffInGeoPermissionsAreRefusedWith21408() async throws {
        try await SandboxFixture.with { sandbox in
            #expect(try await sandbox.inspect(.get, "/sandbox/messaging/geo-permissions").json["disabled_countries"] as? [String] == [])
            let off = try await sandbox.inspect(.post, "/sandbox/messaging/geo-permissions", form: [("Country", "gb"), ("Enabled", "false")])
            #expect(off.json["disabled_countries"] as? [String] == ["GB"])
            let error = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.messages.create(.init(to: "+447700900123", from: "+15005550006", body: "Hi"))
            }
            #expect(error?.code == 21408)
            #expect(error?.message.hasPrefix("Permission to send an SMS has not been enabled for the region indicated by the 'To' number") == true)
            _ = try await sandbox.client.messages.create(.init(to: "+14155550123", from: "+15005550006", body: "Still fine"))
            _ = try await sandbox.client.messages.create(.init(to: "whatsapp:+447700900123", from: "whatsapp:+15005550006", body: "Not SMS"))

            _ = try await sandbox.inspect(.post, "/sandbox/messaging/geo-permissions", form: [("Country", "GB"), ("Enabled", "true")])
            _ = try await sandbox.client.messages.create(.init(to: "+447700900123", from: "+15005550006", body: "Hi again"))
            #expect(try await sandbox.inspect(.post, "/sandbox/messaging/geo-permissions", form: [("Country", "XX"), ("Enabled", "false")]).status == 400)
            #expect(try await sandbox.inspect(.post, "/sandbox/messaging/geo-permissions", form: [("Country", "FR")]).status == 400)
        }
    }
}
