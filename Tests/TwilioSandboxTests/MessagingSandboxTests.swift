import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox messaging, driven by TwilioKit")
struct MessagingSandboxTests {
    @Test func sendFetchListAndDeliver() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let sent = try await sandbox.client.messages.create(.init(
                to: "+14155559876", from: "+15005550006", body: "Hello from the sandbox",
                statusCallback: recorder.baseURL + "/status"))
            #expect(sent.status == .queued)
            #expect(sent.sid.map { $0.count == 34 && $0.hasPrefix("SM") } == true)
            #expect(sent.segmentCount == 1)

            let delivered = try await sandbox.eventually({ try await sandbox.client.messages.fetch(sent.sid ?? "") }) { $0.status == .delivered }
            #expect(delivered.status == .delivered)
            #expect(delivered.dateSent != nil)
            #expect(delivered.price == "-0.00790")

            let callbacks = try await recorder.waitFor { $0.contains { $0.form.first("MessageStatus") == "delivered" } }
            #expect(callbacks.map { $0.form.first("MessageStatus") } == ["sent", "delivered"])
            let validator = TwilioRequestValidator(authToken: sandbox.server.configuration.authToken)
            for callback in callbacks {
                #expect(validator.validate(url: callback.url, parameters: callback.form.items.map { ($0.name, $0.value) }, signature: callback.signature ?? ""))
                #expect(callback.idempotencyToken?.isEmpty == false)
                #expect(callback.form.first("MessageSid") == sent.sid)
            }

            let listed = try await sandbox.client.messages.list(.init(to: "+14155559876")).collect()
            #expect(listed.compactMap(\.sid) == [sent.sid].compactMap { $0 })
        }
    }

    @Test func listPagesAcrossPages() async throws {
        try await SandboxFixture.with { sandbox in
            for index in 0..<7 {
                _ = try await sandbox.client.messages.create(.init(to: "+1415555020\(index)", from: "+14155550100", body: "n\(index)"))
            }
            let all = try await sandbox.client.messages.list(.init(from: "+14155550100", pageSize: 3)).collect()
            #expect(all.count == 7)
            #expect(all.first?.body == "n6", "newest first")
            let limited = try await sandbox.client.messages.list(.init(pageSize: 2), limit: 5).collect()
            #expect(limited.count == 5)
        }
    }

    @Test(arguments: [
        ("+15005550006", "+15005550001", 21211), ("+15005550006", "+15005550002", 21612),
        ("+15005550006", "+15005550003", 21408), ("+15005550006", "+15005550004", 21610),
        ("+15005550006", "+15005550009", 21614), ("+15005550001", "+14155550123", 21212),
        ("+15005550007", "+14155550123", 21606), ("+15005550008", "+14155550123", 21611),
        ("+14155550999", "+14155550123", 21606), ("+15005550006", "not-a-number", 21211),
        ("+15005550006", "garbage", 21211), ("+15005550006", "12345", 21211), ("+15005550006", "hello world", 21211),
        ("+15005550006", "true", 21211),
    ])
    func magicNumbersFailAsTwilioDocuments(from: String, to: String, code: Int) async throws {
        try await SandboxFixture.with { sandbox in
            let error = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.messages.create(.init(to: to, from: from, body: "x"))
            }
            #expect(error?.code == code)
            #expect(error?.httpStatus == 400)
            #expect(error?.kind == .refused)
        }
    }

    @Test func contentRulesAreEnforced() async throws {
        try await SandboxFixture.with { sandbox in
            let messages = sandbox.client.messages
            let cases: [(MessageCreateParameters, Int)] = [
                (.init(to: "+14155550123", from: "+15005550006"), 21602),
                (.init(to: "+14155550123", from: "+15005550006", body: String(repeating: "a", count: 1601)), 21617),
                (.init(to: "+14155550123", from: "+15005550006", mediaURLs: (0..<11).map { "https://e.test/\($0).png" }), 21623),
                (.init(to: "+14155550123", body: "no sender"), 21603),
            ]
            for (parameters, code) in cases {
                let error = await #expect(throws: TwilioError.self) { _ = try await messages.create(parameters) }
                #expect(error?.code == code)
            }
        }
    }

    @Test func handsetOutcomesEndAsUndeliveredOrFailed() async throws {
        try await SandboxFixture.with { sandbox in
            let unreachable = try await sandbox.client.messages.create(.init(to: "+15005550010", from: "+15005550006", body: "x"))
            let filtered = try await sandbox.client.messages.create(.init(to: "+15005550011", from: "+15005550006", body: "x"))
            let first = try await sandbox.eventually({ try await sandbox.client.messages.fetch(unreachable.sid ?? "") }) { $0.status == .undelivered }
            let second = try await sandbox.eventually({ try await sandbox.client.messages.fetch(filtered.sid ?? "") }) { $0.status == .failed }
            #expect(first.errorCode == 30003)
            #expect(second.errorCode == 30007)
        }
    }

    @Test func scheduledMessagesWaitAndCanBeCanceled() async throws {
        try await SandboxFixture.with { sandbox in
            let service = try await sandbox.messagingService(numbers: ["+15005550006"])
            let later = Date().addingTimeInterval(3600)
            let scheduled = try await sandbox.client.messages.create(.init(
                to: "+14155550123", messagingServiceSid: service, body: "later", scheduleType: .fixed, sendAt: later))
            #expect(scheduled.status == .scheduled)
            let canceled = try await sandbox.client.messages.cancel(scheduled.sid ?? "")
            #expect(canceled.status == .canceled)
            let again = await #expect(throws: TwilioError.self) { _ = try await sandbox.client.messages.cancel(scheduled.sid ?? "") }
            #expect(again?.code == 30409)

            let tooSoon = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.messages.create(.init(to: "+14155550123", messagingServiceSid: service, body: "x",
                                                                   scheduleType: .fixed, sendAt: Date()))
            }
            #expect(tooSoon?.code == 35114)

            let soon = try await sandbox.client.messages.create(.init(
                to: "+14155550123", messagingServiceSid: service, body: "soon", scheduleType: .fixed, sendAt: Date().addingTimeInterval(2.5)))
            let sentLater = try await sandbox.eventually({ try await sandbox.client.messages.fetch(soon.sid ?? "") }) { $0.status == .delivered }
            #expect(sentLater.from == "+15005550006", "the Messaging Service picked its pool's number")
        }
    }

    @Test func redactAndDeleteAndMedia() async throws {
        try await SandboxFixture.with { sandbox in
            let sent = try await sandbox.client.messages.create(.init(
                to: "+14155550123", from: "+15005550006", body: "secret", mediaURLs: ["https://e.test/a.png", "https://e.test/b.jpg"]))
            #expect(sent.sid?.hasPrefix("MM") == true)
            let media = try await sandbox.client.messages.listMedia(sent.sid ?? "").collect()
            #expect(media.map(\.contentType) == ["image/png", "image/jpeg"])
            let firstMedia = try #require(media.first?.sid)
            #expect(try await sandbox.client.messages.fetchMedia(firstMedia, messageSid: sent.sid ?? "").parentSid == sent.sid)
            try await sandbox.client.messages.deleteMedia(firstMedia, messageSid: sent.sid ?? "")
            #expect(try await sandbox.client.messages.listMedia(sent.sid ?? "").collect().count == 1)

            _ = try await sandbox.eventually({ try await sandbox.client.messages.fetch(sent.sid ?? "") }) { $0.status == .delivered }
            let redacted = try await sandbox.client.messages.redact(sent.sid ?? "")
            #expect(redacted.body == "")
            try await sandbox.client.messages.delete(sent.sid ?? "")
            let gone = await #expect(throws: TwilioError.self) { _ = try await sandbox.client.messages.fetch(sent.sid ?? "") }
            #expect(gone?.code == 20404)
            #expect(gone?.httpStatus == 404)
        }
    }

    @Test func wrongCredentialsAndOtherAccounts() async throws {
        try await SandboxFixture.with { sandbox in
            let stranger = TwilioClient(configuration: .init(
                credentials: .authToken(accountSID: sandbox.server.configuration.accountSID, authToken: "wrong"),
                endpoint: .baseURL(sandbox.server.baseURL), retryPolicy: .never))
            let denied = await #expect(throws: TwilioError.self) { _ = try await stranger.messages.fetch("SM1") }
            #expect(denied?.code == 20003)
            #expect(denied?.httpStatus == 401)

            await sandbox.server.world.accounts.addAccount("AC" + String(repeating: "b", count: 32), authToken: "other-token")
            let other = TwilioClient(configuration: .init(
                credentials: .authToken(accountSID: "AC" + String(repeating: "b", count: 32), authToken: "other-token"),
                endpoint: .baseURL(sandbox.server.baseURL)))
            let mine = try await sandbox.client.messages.create(.init(to: "+14155550123", from: "+15005550006", body: "mine"))
            let hidden = await #expect(throws: TwilioError.self) { _ = try await other.messages.fetch(mine.sid ?? "") }
            #expect(hidden?.httpStatus == 404)
        }
    }

    @Test func apiKeysIssuedByTheSandboxAuthenticate() async throws {
        try await SandboxFixture.with { sandbox in
            let issued = try await sandbox.inspect(.post, "/api/2010-04-01/Accounts/\(sandbox.server.configuration.accountSID)/Keys.json",
                                                      form: [("FriendlyName", "ci")])
            #expect(issued.status == 201)
            let keySID = try #require(issued.json["sid"] as? String)
            let secret = try #require(issued.json["secret"] as? String)
            let keyed = TwilioClient(configuration: .init(
                credentials: .apiKey(keySID, secret: secret, accountSID: sandbox.server.configuration.accountSID),
                endpoint: .baseURL(sandbox.server.baseURL)))
            let message = try await keyed.messages.create(.init(to: "+14155550123", from: "+15005550006", body: "keyed"))
            #expect(message.accountSid == sandbox.server.configuration.accountSID)
        }
    }

    @Test func inboundMessageHitsTheWebhookAndTheTwiMLReplyIsSent() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/sms", with: MessagingResponse([.message(.init("Thanks & welcome <3"))]).xml())
            let numbers = try await sandbox.client.incomingPhoneNumbers.list(.init(phoneNumber: "+14155550100")).collect()
            let number = try #require(numbers.first?.sid)
            _ = try await sandbox.client.incomingPhoneNumbers.update(number, .init(smsURL: recorder.baseURL + "/sms"))

            let result = try await sandbox.inspect(.post, "/sandbox/handsets/+14155557777/messages",
                                                   form: [("To", "+14155550100"), ("Body", "hi there")])
            #expect(result.status == 201)
            let hook = try #require(await recorder.received.first)
            #expect(hook.form.first("Body") == "hi there")
            #expect(hook.form.first("From") == "+14155557777")
            #expect(hook.form.first("To") == "+14155550100")
            #expect(hook.form.first("SmsStatus") == "received")
            let validator = TwilioRequestValidator(authToken: sandbox.server.configuration.authToken)
            #expect(validator.validate(url: hook.url, parameters: hook.form.items.map { ($0.name, $0.value) }, signature: hook.signature ?? ""))

            let conversation = try await sandbox.eventually({
                try await sandbox.inspect(.get, "/sandbox/handsets/+14155557777/messages").json["messages"] as? [[String: Any]] ?? []
            }) { $0.count == 2 && ($0.last?["status"] as? String) == "delivered" }
            #expect(conversation.map { $0["direction"] as? String } == ["inbound", "outbound-reply"])
            #expect(conversation.last?["body"] as? String == "Thanks & welcome <3")
        }
    }
}
