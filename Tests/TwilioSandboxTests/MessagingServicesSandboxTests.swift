import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

extension SandboxFixture {
    /// Creates a Messaging Service whose pool holds `numbers` (owned numbers, E.164); returns its SID.
    func messagingService(named name: String = "Notifications", numbers: [String], form extra: [(String, String)] = []) async throws -> String {
        let created = try await inspect(.post, "/messaging/v1/Services", form: [("FriendlyName", name)] + extra)
        let sid = try #require(created.json["sid"] as? String, "\(created.json)")
        let owned = try await client.incomingPhoneNumbers.list().collect()
        for number in numbers {
            let numberSID = try #require(owned.first { $0.phoneNumber == number }?.sid)
            let added = try await inspect(.post, "/messaging/v1/Services/\(sid)/PhoneNumbers", form: [("PhoneNumberSid", numberSID)])
            #expect(added.status == 201, "\(added.json)")
        }
        return sid
    }
}

@Suite("Sandbox Messaging v1: Messaging Services and their number pools")
struct MessagingServicesSandboxTests {
    @Test func servicesAndTheirPoolsAreManaged() async throws {
        try await SandboxFixture.with { sandbox in
            let sid = try await sandbox.messagingService(numbers: ["+14155550100"], form: [("StatusCallback", "https://example.com/status")])
            #expect(sid.hasPrefix("MG") && sid.count == 34)
            let fetched = try await sandbox.inspect(.get, "/messaging/v1/Services/\(sid)")
            #expect(fetched.json["friendly_name"] as? String == "Notifications")
            #expect(fetched.json["status_callback"] as? String == "https://example.com/status")
            #expect(fetched.json["sticky_sender"] as? Bool == true)
            let pool = try await sandbox.inspect(.get, "/messaging/v1/Services/\(sid)/PhoneNumbers")
            let numbers = pool.json["phone_numbers"] as? [[String: Any]] ?? []
            #expect(numbers.map { $0["phone_number"] as? String } == ["+14155550100"])
            #expect(numbers.first?["service_sid"] as? String == sid)

            let numberSID = try #require(numbers.first?["sid"] as? String)
            let twice = try await sandbox.inspect(.post, "/messaging/v1/Services/\(sid)/PhoneNumbers", form: [("PhoneNumberSid", numberSID)])
            #expect(twice.json["code"] as? Int == 21710)
            let other = try await sandbox.messagingService(named: "Other", numbers: [])
            let taken = try await sandbox.inspect(.post, "/messaging/v1/Services/\(other)/PhoneNumbers", form: [("PhoneNumberSid", numberSID)])
            #expect(taken.json["code"] as? Int == 21712, "a number serves one Messaging Service")

            let renamed = try await sandbox.inspect(.post, "/messaging/v1/Services/\(sid)", form: [("FriendlyName", "Alerts"), ("StickySender", "false")])
            #expect(renamed.json["friendly_name"] as? String == "Alerts")
            #expect(renamed.json["sticky_sender"] as? Bool == false)
            let invalid = try await sandbox.inspect(.post, "/messaging/v1/Services/\(sid)", form: [("ValidityPeriod", "0")])
            #expect(invalid.status == 400)
            #expect(invalid.json["code"] as? Int == 60200)

            #expect(try await sandbox.inspect(.delete, "/messaging/v1/Services/\(sid)/PhoneNumbers/\(numberSID)").status == 204)
            #expect(try await sandbox.inspect(.delete, "/messaging/v1/Services/\(sid)").status == 204)
            #expect(try await sandbox.inspect(.get, "/messaging/v1/Services/\(sid)").status == 404)
        }
    }

    @Test func aMessageSentThroughAServiceGoesOutFromItsPool() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let sid = try await sandbox.messagingService(numbers: ["+14155550101"], form: [("StatusCallback", recorder.baseURL + "/status")])
            let sent = try await sandbox.client.messages.create(.init(to: "+14155550331", messagingServiceSid: sid, body: "From the pool"))
            #expect(sent.status == .accepted)
            #expect(sent.messagingServiceSid == sid)
            let delivered = try await sandbox.eventually({ try await sandbox.client.messages.fetch(sent.sid ?? "") }) { $0.status == .delivered }
            #expect(delivered.from == "+14155550101", "the pool's number")
            let callbacks = try await recorder.waitFor { $0.contains { $0.form.first("MessageStatus") == "delivered" } }
            #expect(callbacks.allSatisfy { $0.form.first("MessagingServiceSid") == sid }, "the service's StatusCallback")

            let empty = try await sandbox.messagingService(named: "Empty", numbers: [])
            for (service, code) in [(empty, 21704), ("MG" + String(repeating: "0", count: 32), 21701), ("MG-nope", 21705)] {
                let refused = await #expect(throws: TwilioError.self) {
                    _ = try await sandbox.client.messages.create(.init(to: "+14155550331", messagingServiceSid: service, body: "x"))
                }
                #expect(refused?.code == code, "\(service)")
            }
        }
    }

    @Test func inboundMessagesToAPoolNumberGoToTheServicesWebhook() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            _ = try await sandbox.messagingService(numbers: ["+14155550100"], form: [("InboundRequestUrl", recorder.baseURL + "/service-inbound")])
            let number = try #require(try await sandbox.client.incomingPhoneNumbers.list(.init(phoneNumber: "+14155550100")).collect().first?.sid)
            _ = try await sandbox.client.incomingPhoneNumbers.update(number, .init(smsURL: recorder.baseURL + "/number-inbound"))

            _ = try await sandbox.inspect(.post, "/sandbox/handsets/+14155557791/messages", form: [("To", "+14155550100"), ("Body", "hi")])
            let requests = try await recorder.waitFor { $0.contains { $0.path == "/service-inbound" } }
            #expect(!requests.contains { $0.path == "/number-inbound" }, "the service's InboundRequestUrl wins unless UseInboundWebhookOnNumber")
        }
    }
}
