import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox voice, driven by TwilioKit")
struct VoiceSandboxTests {
    /// The call's event log from `/sandbox/calls/{sid}/events`, each event's fields as text.
    private func events(_ sandbox: SandboxFixture, _ sid: String) async throws -> [[String: String]] {
        let log = try await sandbox.inspect(.get, "/sandbox/calls/\(sid)/events").json["events"] as? [[String: Any]] ?? []
        return log.map { event in event.compactMapValues { value in value as? String ?? (value as? Int).map(String.init) } }
    }

    private func finished(_ sandbox: SandboxFixture, _ sid: String?) async throws -> Call {
        try await sandbox.eventually({ try await sandbox.client.calls.fetch(sid ?? "") }) { call in
            [.completed, .busy, .noAnswer, .failed, .canceled].contains(call.status)
        }
    }

    private func isSigned(_ request: WebhookRecorder.Received, _ sandbox: SandboxFixture) -> Bool {
        TwilioRequestValidator(authToken: sandbox.server.configuration.authToken)
            .validate(url: request.url, parameters: request.form.items.map { ($0.name, $0.value) }, signature: request.signature ?? "")
    }

    @Test func outboundCallGoesThroughItsLifecycleWithSignedStatusCallbacks() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let created = try await sandbox.client.calls.create(.init(
                to: "+14155559876", from: "+15005550006",
                instructions: .twiml(VoiceResponse([.say(TwiML.Say("Hello there from the sandbox"))]).xml()),
                statusCallback: recorder.baseURL + "/status",
                statusCallbackEvents: [.initiated, .ringing, .answered, .completed]))
            #expect(created.status == .queued)
            #expect(created.sid.map { $0.count == 34 && $0.hasPrefix("CA") } == true)
            #expect(created.direction == .outboundAPI)
            #expect(created.toFormatted == "(415) 555-9876")
            #expect(created.duration == nil)

            let call = try await finished(sandbox, created.sid)
            #expect(call.status == .completed)
            #expect(call.durationSeconds == 2, "five words at 150 words a minute")
            #expect(call.price == "-0.01400")
            #expect(call.startTime != nil && call.endTime != nil)
            #expect(call.subresourceUris?["recordings"]?.hasSuffix("/Calls/\(created.sid ?? "")/Recordings.json") == true)

            let callbacks = try await recorder.waitFor { $0.contains { $0.form.first("CallStatus") == "completed" } }
            #expect(callbacks.map { $0.form.first("CallStatus") } == ["initiated", "ringing", "in-progress", "completed"])
            #expect(callbacks.map { $0.form.first("SequenceNumber") } == ["0", "1", "2", "3"])
            for callback in callbacks {
                #expect(isSigned(callback, sandbox))
                #expect(callback.form.first("CallSid") == created.sid)
                #expect(callback.form.first("CallbackSource") == "call-progress-events")
                #expect(callback.form.first("Direction") == "outbound-api")
                #expect(callback.form.first("ApiVersion") == "2010-04-01")
                #expect(callback.form.first("Timestamp").flatMap(TwilioDateFormat.date(from:)) != nil)
            }
            #expect(callbacks.last?.form.first("CallDuration") == "2")

            let log = try await events(sandbox, created.sid ?? "")
            #expect(log.contains { $0["type"] == "say" && $0["text"] == "Hello there from the sandbox" })
        }
    }

    @Test func onlyTheCompletedEventIsPostedByDefault() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let created = try await sandbox.client.calls.create(.init(
                to: "+14155559876", from: "+14155550100", instructions: .twiml("<Response><Hangup/></Response>"),
                statusCallback: recorder.baseURL + "/status", statusCallbackMethod: .get))
            _ = try await finished(sandbox, created.sid)
            let callbacks = try await recorder.waitFor { !$0.isEmpty }
            #expect(callbacks.map(\.method) == ["GET"])
            #expect(callbacks.first?.form.first("CallStatus") == "completed")
            #expect(callbacks.first?.form.first("SequenceNumber") == "0")
        }
    }

    @Test func gatherPostsTheHandsetsDigitsToTheActionURL() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/voice", with: VoiceResponse([
                .gather(TwiML.Gather(action: "/gathered", numDigits: 2, prompts: [.say(TwiML.Say("Enter your code"))])),
                .say(TwiML.Say("We did not get your code")),
            ]).xml())
            await recorder.respond(to: "/gathered", with: VoiceResponse([.say(TwiML.Say("Thanks")), .hangup]).xml())
            let handset = try await sandbox.inspect(.post, "/sandbox/handsets/+14155550123", form: [("Digits", "427")])
            #expect(handset.status == 200)

            let created = try await sandbox.client.calls.create(.init(
                to: "+14155550123", from: "+15005550006", instructions: .url(recorder.baseURL + "/voice")))
            let requests = try await recorder.waitFor { $0.contains { $0.path == "/gathered" } }
            let voice = try #require(requests.first { $0.path == "/voice" })
            #expect(voice.method == "POST")
            #expect(voice.form.first("CallSid") == created.sid)
            #expect(voice.form.first("CallStatus") == "in-progress")
            #expect(voice.form.first("From") == "+15005550006")
            #expect(voice.form.first("To") == "+14155550123")
            #expect(isSigned(voice, sandbox))
            let gathered = try #require(requests.first { $0.path == "/gathered" })
            #expect(gathered.form.first("Digits") == "42", "numDigits=2 keeps the first two keys")
            #expect(isSigned(gathered, sandbox))

            let call = try await finished(sandbox, created.sid)
            #expect(call.status == .completed)
            let log = try await events(sandbox, created.sid ?? "")
            #expect(log.filter { $0["type"] == "say" }.map { $0["text"] } == ["Enter your code", "Thanks"])
            #expect(log.contains { $0["type"] == "gather" && $0["digits"] == "42" })
        }
    }

    @Test func gatherWithoutDigitsFallsThroughAfterItsTimeout() async throws {
        try await SandboxFixture.with { sandbox in
            let twiml = VoiceResponse([
                .gather(TwiML.Gather(action: "https://app.test/never", timeout: 3)),
                .say(TwiML.Say("Goodbye")),
            ]).xml()
            let created = try await sandbox.client.calls.create(.init(to: "+14155550124", from: "+15005550006", instructions: .twiml(twiml)))
            let call = try await finished(sandbox, created.sid)
            #expect(call.durationSeconds == 4, "3 s of waiting, then one word")
            let log = try await events(sandbox, created.sid ?? "")
            #expect(log.contains { $0["type"] == "gather" && $0["digits"] == nil })
            #expect(log.contains { $0["type"] == "say" && $0["text"] == "Goodbye" })
        }
    }

    @Test func recordMakesARecordingThatListsFetchesAndDownloads() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/voice", with: VoiceResponse([
                .say(TwiML.Say("Leave a message")),
                .record(TwiML.Record(action: "/recorded", timeout: 2, maxLength: 10, recordingStatusCallback: "/recording-status")),
            ]).xml())
            await recorder.respond(to: "/recorded", with: VoiceResponse([.hangup]).xml())
            let created = try await sandbox.client.calls.create(.init(
                to: "+14155550125", from: "+15005550006", instructions: .url(recorder.baseURL + "/voice")))
            let callSid = try #require(created.sid)

            let requests = try await recorder.waitFor { $0.contains { $0.path == "/recorded" } && $0.contains { $0.path == "/recording-status" } }
            let action = try #require(requests.first { $0.path == "/recorded" })
            let recordingSid = try #require(action.form.first("RecordingSid"))
            #expect(recordingSid.hasPrefix("RE"))
            #expect(action.form.first("RecordingDuration") == "3")
            #expect(action.form.first("RecordingUrl") == sandbox.server.baseURL + "/api/2010-04-01/Accounts/\(sandbox.server.configuration.accountSID)/Recordings/\(recordingSid)")
            let status = try #require(requests.first { $0.path == "/recording-status" })
            #expect(status.form.first("RecordingStatus") == "completed")
            #expect(status.form.first("RecordingSource") == "RecordVerb")
            #expect(isSigned(status, sandbox))

            let recording = try await sandbox.client.recordings.fetch(recordingSid)
            #expect(recording.callSid == callSid)
            #expect(recording.status == .completed)
            #expect(recording.source == .recordVerb)
            #expect(recording.durationSeconds == 3)
            #expect(recording.channels == 1)
            #expect(recording.mediaUrl == action.form.first("RecordingUrl"))
            let listed = try await sandbox.client.recordings.list(.init(callSid: callSid)).collect()
            #expect(listed.compactMap(\.sid) == [recordingSid])
            let ofCall = try await sandbox.client.recordings.list(forCall: callSid, .init(dateCreated: .on(Date()))).collect()
            #expect(ofCall.compactMap(\.sid) == [recordingSid])
            #expect(ofCall.first?.track == "inbound")

            let media = try await sandbox.client.recordings.download(recordingSid, format: .wav)
            #expect(media.contentType == "audio/x-wav")
            let expectedSize = 44 + 3 * 8000 * 2
            #expect(media.bytes.count == expectedSize, "3 s of 16-bit mono at 8 kHz")
            #expect(Array(media.bytes[0..<4]) == Array("RIFF".utf8))
            #expect(Array(media.bytes[8..<16]) == Array("WAVEfmt ".utf8))
            #expect(media.bytes[22] == 1 && media.bytes[24] == 0x40 && media.bytes[25] == 0x1F, "mono, 8000 Hz")
            #expect(Array(media.bytes[36..<40]) == Array("data".utf8))
            #expect(media.bytes.dropFirst(44).contains { $0 != 0 }, "a tone, not silence")
            let mp3 = await #expect(throws: TwilioError.self) { _ = try await sandbox.client.recordings.download(recordingSid, format: .mp3) }
            #expect(mp3?.httpStatus == 404)

            try await sandbox.client.recordings.delete(recordingSid)
            let gone = await #expect(throws: TwilioError.self) { _ = try await sandbox.client.recordings.fetch(recordingSid) }
            #expect(gone?.code == 20404)
            #expect(try await sandbox.client.recordings.fetch(recordingSid, includeSoftDeleted: true).status == .deleted)
            #expect(try await sandbox.client.recordings.list(.init(callSid: callSid)).collect().isEmpty)
        }
    }

    @Test func recordTrueRecordsTheWholeCall() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let created = try await sandbox.client.calls.create(.init(
                to: "+14155550126", from: "+15005550006", instructions: .twiml("<Response><Pause length=\"4\"/></Response>"),
                statusCallback: recorder.baseURL + "/status", record: true, recordingChannels: .dual,
                recordingStatusCallback: recorder.baseURL + "/recording", recordingStatusCallbackEvents: [.inProgress, .completed]))
            let requests = try await recorder.waitFor { $0.filter { $0.path == "/recording" }.count == 2 && $0.contains { $0.path == "/status" } }
            #expect(requests.filter { $0.path == "/recording" }.map { $0.form.first("RecordingStatus") } == ["in-progress", "completed"])
            let completed = try #require(requests.first { $0.path == "/status" })
            let recordingSid = try #require(completed.form.first("RecordingSid"))
            #expect(completed.form.first("RecordingDuration") == "4")
            let recording = try await sandbox.client.recordings.fetch(recordingSid)
            #expect(recording.source == .outboundAPI)
            #expect(recording.channels == 2)
            #expect(recording.callSid == created.sid)
            let media = try await sandbox.client.recordings.download(recordingSid, format: .wav)
            let expectedSize = 44 + 4 * 8000 * 2 * 2
            #expect(media.bytes.count == expectedSize, "4 s of 16-bit stereo at 8 kHz")
        }
    }

    @Test(arguments: [
        ("+15005550006", "+15005550001", 21217), ("+15005550006", "+15005550002", 21214),
        ("+15005550006", "+15005550003", 21215), ("+15005550006", "+15005550004", 21216),
        ("+15005550001", "+14155550123", 21212), ("+14155550999", "+14155550123", 21210),
        ("+15005550006", "not-a-number", 21211), ("", "+14155550123", 21213), ("+15005550006", "", 21201),
    ])
    func magicNumbersFailAsTwilioDocuments(from: String, to: String, code: Int) async throws {
        try await SandboxFixture.with { sandbox in
            let error = await #expect(throws: TwilioError.self) {
                _ = try await sandbox.client.calls.create(.init(to: to, from: from, instructions: .twiml("<Response/>")))
            }
            #expect(error?.code == code)
            #expect(error?.httpStatus == 400)
        }
    }

    @Test func parametersAreValidated() async throws {
        try await SandboxFixture.with { sandbox in
            let cases: [(CallCreateParameters, Int)] = [
                (.init(to: "+14155550123", from: "+15005550006", instructions: .url("not a url")), 21205),
                (.init(to: "+14155550123", from: "+15005550006", instructions: .url("https://app.test/voice", method: .delete)), 21209),
                (.init(to: "+14155550123", from: "+15005550006", instructions: .application(sid: "AP" + String(repeating: "a", count: 32))), 21218),
                (.init(to: "+14155550123", from: "+15005550006", instructions: .twiml("<Response/>"), timeout: 601), 21208),
                (.init(to: "+14155550123", from: "+15005550006", instructions: .twiml("<Response/>"), sendDigits: "12x"), 21206),
                (.init(to: "+14155550123", from: "+15005550006", instructions: .twiml("<Response/>"), statusCallback: "/relative"), 21609),
            ]
            for (parameters, code) in cases {
                let error = await #expect(throws: TwilioError.self) { _ = try await sandbox.client.calls.create(parameters) }
                #expect(error?.code == code, "\(parameters.form.encoded)")
            }
            let raw = try await sandbox.inspect(.post, "/api/2010-04-01/Accounts/\(sandbox.server.configuration.accountSID)/Calls.json",
                                                form: [("To", "+14155550123"), ("From", "+15005550006"), ("Twiml", "<Response/>"),
                                                       ("StatusCallbackEvent", "initiated hungup")])
            #expect(raw.status == 400)
            #expect(raw.json["code"] as? Int == 21626)
            let noInstructions = try await sandbox.inspect(.post, "/api/2010-04-01/Accounts/\(sandbox.server.configuration.accountSID)/Calls.json",
                                                           form: [("To", "+14155550123"), ("From", "+15005550006")])
            #expect(noInstructions.json["code"] as? Int == 21205)
            #expect((noInstructions.json["message"] as? String)?.contains("'Url', 'Twiml' or 'ApplicationSid'") == true)
        }
    }

    @Test func handsetsDecideBusyNoAnswerAndFailed() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            var sids: [String: CallStatus] = [:]
            for (number, status) in [("+15005550012", CallStatus.busy), ("+15005550013", .noAnswer), ("+15005550014", .failed)] {
                let call = try await sandbox.client.calls.create(.init(
                    to: number, from: "+15005550006", instructions: .url(recorder.baseURL + "/voice"),
                    statusCallback: recorder.baseURL + "/status", timeout: 5))
                sids[call.sid ?? ""] = status
            }
            for (sid, status) in sids {
                let call = try await finished(sandbox, sid)
                #expect(call.status == status)
                #expect(call.duration == nil)
                #expect(call.price == nil)
            }
            let callbacks = try await recorder.waitFor { $0.count >= 3 }
            #expect(Set(callbacks.compactMap { $0.form.first("CallStatus") }) == ["busy", "no-answer", "failed"])
            #expect(callbacks.allSatisfy { $0.path == "/status" }, "TwiML is never fetched for an unanswered call")
        }
    }

    @Test func machineDetectionReportsWhoAnswered() async throws {
        try await SandboxFixture.with { sandbox in
            let human = try await sandbox.client.calls.create(.init(
                to: "+14155550127", from: "+15005550006", instructions: .twiml("<Response/>"), machineDetection: .enable))
            let machine = try await sandbox.client.calls.create(.init(
                to: "+15005550015", from: "+15005550006", instructions: .twiml("<Response/>"), machineDetection: .enable))
            let plain = try await sandbox.client.calls.create(.init(to: "+14155550128", from: "+15005550006", instructions: .twiml("<Response/>")))
            #expect(try await finished(sandbox, human.sid).answeredBy == "human")
            #expect(try await finished(sandbox, machine.sid).answeredBy == "machine_start")
            #expect(try await finished(sandbox, plain.sid).answeredBy == nil)
        }
    }

    @Test func updateRedirectsALiveCallHangsItUpAndCancelsARingingOne() async throws {
        try await SandboxFixture.with { sandbox in
            let calls = sandbox.client.calls
            let hold = "<Response><Play loop=\"0\">https://app.test/hold.mp3</Play></Response>"
            let live = try await calls.create(.init(to: "+14155550129", from: "+15005550006", instructions: .twiml(hold)))
            let sid = try #require(live.sid)
            _ = try await sandbox.eventually({ try await calls.fetch(sid) }) { $0.status == .inProgress }

            let deleteLive = await #expect(throws: TwilioError.self) { try await calls.delete(sid) }
            #expect(deleteLive?.code == 20009)

            _ = try await calls.update(sid, .init(redirect: .twiml("<Response><Say>You were redirected</Say><Play loop=\"0\">https://app.test/hold.mp3</Play></Response>")))
            _ = try await sandbox.eventually({ try await events(sandbox, sid) }) { log in
                log.contains { $0["type"] == "say" && $0["text"] == "You were redirected" }
            }
            let hungUp = try await calls.hangUp(sid)
            #expect(hungUp.status == .completed)
            #expect(hungUp.durationSeconds.map { $0 >= 1 } == true)
            let again = await #expect(throws: TwilioError.self) {
                _ = try await calls.update(sid, .init(redirect: .url("https://app.test/voice")))
            }
            #expect(again?.code == 21220)

            let ringing = try await calls.create(.init(to: "+15005550013", from: "+15005550006", instructions: .twiml(hold), timeout: 600))
            let canceled = try await calls.cancel(ringing.sid ?? "")
            #expect(canceled.status == .canceled)
            #expect(try await calls.fetch(ringing.sid ?? "").status == .canceled)

            try await calls.delete(sid)
            let gone = await #expect(throws: TwilioError.self) { _ = try await calls.fetch(sid) }
            #expect(gone?.code == 20404)
        }
    }

    @Test func listFiltersAndPages() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/voice", with: VoiceResponse([.dial(TwiML.Dial(.number("+14155550177"), action: "/dialed"))]).xml())
            await recorder.respond(to: "/dialed", with: VoiceResponse([.hangup]).xml())
            let parent = try await sandbox.client.calls.create(.init(to: "+14155550170", from: "+14155550100", instructions: .url(recorder.baseURL + "/voice")))
            var sids = [parent.sid]
            for index in 1...4 {
                sids.append(try await sandbox.client.calls.create(.init(
                    to: "+1415555017\(index)", from: "+15005550006", instructions: .twiml("<Response/>"))).sid)
            }
            let busy = try await sandbox.client.calls.create(.init(to: "+15005550012", from: "+15005550006", instructions: .twiml("<Response/>")))
            for sid in sids + [busy.sid] { _ = try await finished(sandbox, sid) }

            let dialed = try #require(try await recorder.waitFor { $0.contains { $0.path == "/dialed" } }.first { $0.path == "/dialed" })
            #expect(dialed.form.first("DialCallStatus") == "completed")
            #expect(dialed.form.first("DialCallDuration") == "5")
            let children = try await sandbox.client.calls.list(.init(parentCallSid: parent.sid)).collect()
            #expect(children.compactMap(\.sid) == [dialed.form.first("DialCallSid")].compactMap { $0 })
            #expect(children.first?.direction == .outboundDial)
            #expect(children.first?.to == "+14155550177")
            #expect(children.first?.from == "+14155550100")

            let all = try await sandbox.client.calls.list(.init(pageSize: 2)).collect()
            #expect(all.count == 7)
            #expect(all.last?.sid == parent.sid, "newest first: the first call comes last")
            #expect(try await sandbox.client.calls.list(.init(pageSize: 2), limit: 3).collect().count == 3)
            #expect(try await sandbox.client.calls.list(.init(to: "+14155550172")).collect().compactMap(\.sid) == [sids[2]].compactMap { $0 })
            #expect(try await sandbox.client.calls.list(.init(from: "+14155550100")).collect().count == 2)
            #expect(try await sandbox.client.calls.list(.init(status: .busy)).collect().compactMap(\.sid) == [busy.sid].compactMap { $0 })
            let hourAgo = Date().addingTimeInterval(-3600)
            #expect(try await sandbox.client.calls.list(.init(startTime: .after(hourAgo, precision: .time))).collect().count == 7)
            #expect(try await sandbox.client.calls.list(.init(endTime: .before(hourAgo, precision: .time))).collect().isEmpty)
            #expect(try await sandbox.client.calls.list(.init(startTime: .on(Date()))).collect().count == 7)
        }
    }

    @Test func inboundCallRunsTheOwnedNumbersVoiceURL() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/incoming", with: VoiceResponse([
                .gather(TwiML.Gather(action: "/menu", numDigits: 1, prompts: [.say(TwiML.Say("Press 1 for sales"))])),
            ]).xml())
            await recorder.respond(to: "/menu", with: VoiceResponse([.say(TwiML.Say("Connecting you to sales")), .hangup]).xml())
            let number = try #require(try await sandbox.client.incomingPhoneNumbers.list(.init(phoneNumber: "+14155550100")).collect().first?.sid)
            _ = try await sandbox.client.incomingPhoneNumbers.update(number, .init(
                statusCallback: recorder.baseURL + "/call-status", voiceURL: recorder.baseURL + "/incoming"))

            let placed = try await sandbox.inspect(.post, "/sandbox/handsets/+14155557777/calls", form: [("To", "+14155550100"), ("Digits", "1")])
            #expect(placed.status == 201)
            let sid = try #require((placed.json["call"] as? [String: Any])?["sid"] as? String)

            let requests = try await recorder.waitFor { $0.contains { $0.path == "/call-status" } }
            let incoming = try #require(requests.first { $0.path == "/incoming" })
            #expect(incoming.form.first("CallStatus") == "ringing")
            #expect(incoming.form.first("Direction") == "inbound")
            #expect(incoming.form.first("From") == "+14155557777")
            #expect(incoming.form.first("To") == "+14155550100")
            #expect(isSigned(incoming, sandbox))
            #expect(requests.first { $0.path == "/menu" }?.form.first("Digits") == "1")
            #expect(requests.first { $0.path == "/call-status" }?.form.first("CallStatus") == "completed")

            let call = try await sandbox.client.calls.fetch(sid)
            #expect(call.direction == .inbound)
            #expect(call.status == .completed)
            #expect(call.phoneNumberSid == number)
            #expect(call.price == "-0.00850")
            let log = try await events(sandbox, sid)
            #expect(log.filter { $0["type"] == "say" }.map { $0["text"] } == ["Press 1 for sales", "Connecting you to sales"])
        }
    }

    @Test func rejectAsTheFirstVerbLeavesTheCallUnanswered() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/incoming", with: VoiceResponse([.reject(TwiML.Reject(reason: .busy))]).xml())
            let number = try #require(try await sandbox.client.incomingPhoneNumbers.list(.init(phoneNumber: "+14155550101")).collect().first?.sid)
            _ = try await sandbox.client.incomingPhoneNumbers.update(number, .init(voiceURL: recorder.baseURL + "/incoming"))
            let placed = try await sandbox.inspect(.post, "/sandbox/handsets/+14155557778/calls", form: [("To", "+14155550101")])
            let sid = try #require((placed.json["call"] as? [String: Any])?["sid"] as? String)
            let call = try await finished(sandbox, sid)
            #expect(call.status == .busy)
            #expect(call.duration == nil)
        }
    }

    @Test func connectStreamRunsOnTheWorldsMediaStreamBridge() async throws {
        try await SandboxFixture.with { sandbox in
            let twiml = VoiceResponse([
                .connect(TwiML.Connect([.stream(TwiML.Stream(url: "wss://app.test/stream", parameters: [TwiML.Parameter(name: "a", value: "b")]))])),
                .say(TwiML.Say("After the stream")),
            ]).xml()
            let created = try await sandbox.client.calls.create(.init(to: "+14155550130", from: "+15005550006", instructions: .twiml(twiml)))
            _ = try await finished(sandbox, created.sid)
            let log = try await events(sandbox, created.sid ?? "")
            let types = log.compactMap { $0["type"] }
            #expect(types.contains("stream-ended"))
            #expect(log.contains { $0["type"] == "stream-ended" && $0["url"] == "wss://app.test/stream" })
            #expect(types.firstIndex(of: "stream-ended").map { index in types[index...].contains("say") } == true)
        }
    }

    @Test func failedTwiMLFetchUsesTheFallbackURL() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/broken", with: "this is not TwiML", contentType: "text/plain")
            await recorder.respond(to: "/fallback", with: VoiceResponse([.say(TwiML.Say("Sorry about that"))]).xml())
            let created = try await sandbox.client.calls.create(.init(
                to: "+14155550131", from: "+15005550006", instructions: .url(recorder.baseURL + "/broken"),
                fallbackURL: recorder.baseURL + "/fallback"))
            _ = try await finished(sandbox, created.sid)
            let fallback = try #require(try await recorder.waitFor { $0.contains { $0.path == "/fallback" } }.first { $0.path == "/fallback" })
            #expect(fallback.form.first("ErrorCode") == "12100")
            #expect(fallback.form.first("ErrorUrl") == recorder.baseURL + "/broken")
            let log = try await events(sandbox, created.sid ?? "")
            #expect(log.contains { $0["type"] == "error" && $0["code"] == "12100" })
            #expect(log.contains { $0["type"] == "say" && $0["text"] == "Sorry about that" })
        }
    }
}
