import Foundation
import Logging
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox state file (--state): resources survive a restart")
struct StateFileSandboxTests {
    @Test func resourcesAreThereAfterARestart() async throws {
        try await withStateFile { file in
            let first = try await SandboxFixture.start(stateFile: file)
            let account = first.server.configuration.accountSID
            let sent = try await first.client.messages.create(.init(to: "+14155550301", from: "+14155550100", body: "kept"))
            let sid = try #require(sent.sid)
            _ = try await first.eventually({ try await first.client.messages.fetch(sid) }) { $0.status == .delivered }
            let numbers = try await first.client.incomingPhoneNumbers.list().collect()
            let number = try #require(numbers.first { $0.phoneNumber == "+14155550101" }?.sid)
            _ = try await first.client.incomingPhoneNumbers.update(number, .init(smsURL: "https://example.com/sms"))
            let service = try #require(try await first.client.verify.createService(.init(friendlyName: "Kept")).sid)
            let key = try await first.inspect(.post, "/api/2010-04-01/Accounts/\(account)/Keys.json", form: [("FriendlyName", "kept")])
            let keySID = try #require(key.json["sid"] as? String)
            let secret = try #require(key.json["secret"] as? String)
            let transcripts = try await first.client.intelligence.listTranscripts().collect().map(\.sid)
            let pool = try await first.messagingService(numbers: ["+14155550100"])
            let application = try await first.inspect(.post, "/api/2010-04-01/Accounts/\(account)/Applications.json",
                                                      form: [("FriendlyName", "kept"), ("VoiceUrl", "https://example.com/voice")])
            let applicationSID = try #require(application.json["sid"] as? String)
            await first.server.stop()

            let second = try await SandboxFixture.start(stateFile: file)
            let message = try await second.client.messages.fetch(sid)
            #expect(message.status == .delivered)
            #expect(message.body == "kept")
            #expect(message.dateCreated == sent.dateCreated)
            #expect(try await second.client.messages.list().collect().map(\.sid) == [sid])
            let numbersAfter = try await second.client.incomingPhoneNumbers.list().collect()
            #expect(numbersAfter.map(\.sid) == numbers.map(\.sid), "the same numbers, none provisioned twice")
            #expect(try await second.client.incomingPhoneNumbers.fetch(number).smsUrl == "https://example.com/sms")
            #expect(try await second.client.verify.fetchService(service).friendlyName == "Kept")
            #expect(try await second.client.intelligence.listTranscripts().collect().map(\.sid) == transcripts, "the demo transcripts once")
            let keyed = TwilioClient(configuration: TwilioConfiguration(
                credentials: .apiKey(keySID, secret: secret, accountSID: account), endpoint: .baseURL(second.server.baseURL)))
            #expect(try await keyed.messages.fetch(sid).sid == sid, "an issued API key still authenticates")
            let senders = try await second.inspect(.get, "/messaging/v1/Services/\(pool)/PhoneNumbers").json["phone_numbers"] as? [[String: Any]]
            #expect(senders?.compactMap { $0["phone_number"] as? String } == ["+14155550100"])
            let kept = try await second.inspect(.get, "/api/2010-04-01/Accounts/\(account)/Applications/\(applicationSID).json")
            #expect(kept.json["voice_url"] as? String == "https://example.com/voice")
            await second.server.stop()
        }
    }

    @Test func aMessageOnItsWayIsDeliveredAfterARestart() async throws {
        try await withStateFile { file in
            let slow = try await SandboxFixture.start(statusStep: .seconds(30), stateFile: file)
            let sent = try await slow.client.messages.create(.init(to: "+14155550302", from: "+14155550100", body: "in flight"))
            #expect(sent.status == .queued)
            await slow.server.stop()

            let fast = try await SandboxFixture.start(stateFile: file)
            let delivered = try await fast.eventually({ try await fast.client.messages.fetch(sent.sid ?? "") }) { $0.status == .delivered }
            #expect(delivered.status == .delivered)
            #expect(delivered.dateSent != nil)
            await fast.server.stop()
        }
    }

    @Test func aStoppedSandboxChangesNothingAfterwards() async throws {
        try await withStateFile { file in
            let sandbox = try await SandboxFixture.start(statusStep: .milliseconds(100), stateFile: file)
            let sent = try await sandbox.client.messages.create(.init(to: "+14155550304", from: "+14155550100", body: "frozen"))
            await sandbox.server.stop()
            let store = try SandboxStore(path: file, logger: Logger(label: "test"))
            let atStop = try store.load(MessageRecord.self).first { $0.sid == sent.sid }
            try await Task.sleep(for: .milliseconds(600))  // six status steps
            let later = try store.load(MessageRecord.self).first { $0.sid == sent.sid }
            #expect(atStop?.status != nil)
            #expect(later?.status == atStop?.status, "the stopped sandbox's delivery did not go on writing to the state file")
            #expect(later?.dateUpdated == atStop?.dateUpdated)
        }
    }

    @Test func aLiveCallEndsAtARestart() async throws {
        try await withStateFile { file in
            let slow = try await SandboxFixture.start(statusStep: .seconds(30), stateFile: file)
            let call = try await slow.client.calls.create(.init(to: "+14155550303", from: "+14155550100", instructions: .twiml("<Response><Say>Hi</Say></Response>")))
            await slow.server.stop()

            let restarted = try await SandboxFixture.start(stateFile: file)
            let ended = try await restarted.client.calls.fetch(call.sid ?? "")
            #expect(ended.status == .canceled, "a call not yet answered cannot outlive the process")
            #expect(ended.endTime != nil)
            await restarted.server.stop()
        }
    }

    @Test func anUnreadableStateFileStopsTheStartWithTheReason() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-dir-\(UUID())").path
        let error = await #expect(throws: SandboxStartError.self) {
            _ = try await SandboxServer.start(.init(port: 0, stateFile: directory + "/state.sqlite"))
        }
        #expect(error?.description.contains("the state file \(directory)/state.sqlite cannot be used") == true, "\(String(describing: error))")
    }

    @Test func aFileThatIsNotAStateFileIsRefused() async throws {
        try await withStateFile { file in
            try Data("not a database, just text that happens to be long enough to look like a header".utf8).write(to: URL(fileURLWithPath: file))
            let error = await #expect(throws: SandboxStartError.self) {
                _ = try await SandboxServer.start(.init(port: 0, stateFile: file))
            }
            #expect(error?.description.contains("cannot be used") == true, "\(String(describing: error))")
        }
    }

    /// Runs `body` with the path of a new state file, removed afterwards.
    private func withStateFile(_ body: (String) async throws -> Void) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-state-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        try await body(file)
    }
}
