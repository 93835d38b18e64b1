import Foundation
import Testing
import TwilioConnector
import TwilioKit

@Suite("Voice actions, component dialect, against the sandbox")
struct VoiceActionTests {
    @Test func makeCallSpeaksEscapedTextAndAnswersTheComponentShape() async throws {
        try await ConnectorFixture.with { fixture in
            let text = #"Tom & Jerry <3 "quotes" 'too'"#
            let result = await fixture.run("twilio/v1/makeCall", [
                "To": "+14155550142", "From": "+15005550006", "Say": .string(text), "Voice": "woman", "Timeout": 30, "TimeLimit": 600,
            ])
            #expect(result.flag("success") == true, "\(result)")
            let sid = try #require(result.text("callSid"))
            #expect(sid.hasPrefix("CA"))
            #expect(result.text("sid") == sid)
            #expect(result.text("status") == "queued")
            #expect(result.text("direction") == "outbound-api")
            #expect(result.text("from") == "+15005550006")
            #expect(result.object("dateCreated")?.text("zoneId") == "UTC")

            let done = try await fixture.finishedCall(sid)
            #expect(done.text("status") == "completed")
            #expect((done.number("duration") ?? 0) >= 1, "duration is an integer number of seconds")
            let log = try await fixture.sandboxJSON("/sandbox/calls/\(sid)/events")
            let said = (log.array("events") ?? []).compactMap(\.objectFields).filter { $0.text("type") == "say" }
            #expect(said.first?.text("text") == text, "the text reached the call intact, so the TwiML was escaped")
            #expect(said.first?.text("voice") == "woman")
        }
    }

    @Test func twimlUrlAndApplicationAreTheOtherWaysToRunACall() async throws {
        try await ConnectorFixture.with { fixture in
            let twiml = await fixture.run("makeCall", ["To": "+14155550143", "From": "+15005550006",
                                                      "Twiml": "<Response><Say>Inline</Say><Hangup/></Response>"])
            #expect(twiml.flag("success") == true, "\(twiml)")
            _ = try await fixture.finishedCall(try #require(twiml.text("callSid")))
            let events = try await fixture.sandboxJSON("/sandbox/calls/\(try #require(twiml.text("callSid")))/events")
            let inline = (events.array("events") ?? []).contains { $0.objectFields?.text("text") == "Inline" }
            #expect(inline)

            let url = await fixture.run("makeCall", ["To": "+14155550144", "From": "+15005550006",
                                                    "Url": "https://demo.twilio.com/docs/voice.xml", "Method": "GET"])
            #expect(url.flag("success") == true, "\(url)")
            let document = "<Response><Say>Hello from the application</Say></Response>"
            let voiceURL = fixture.sandbox.baseURL + "/twimlets/echo?Twiml=" + (document.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let application = try await fixture.sandboxPost("/api/2010-04-01/Accounts/\(fixture.sandbox.configuration.accountSID)/Applications.json",
                                                            form: [("VoiceUrl", voiceURL)])
            let applicationSid = try #require(application.text("sid"))
            let app = await fixture.run("makeCall", ["To": "+14155550145", "From": "+15005550006", "ApplicationSid": .string(applicationSid)])
            #expect(app.flag("success") == true, "\(app)")
            _ = try await fixture.finishedCall(try #require(app.text("callSid")))
            let appEvents = try await fixture.sandboxJSON("/sandbox/calls/\(try #require(app.text("callSid")))/events")
            let said = (appEvents.array("events") ?? []).contains { $0.objectFields?.text("text") == "Hello from the application" }
            #expect(said, "the call ran the TwiML of the application's VoiceUrl")

            let unknown = await fixture.run("makeCall", ["To": "+14155550145", "From": "+15005550006",
                                                        "ApplicationSid": "AP00000000000000000000000000000000"])
            #expect(unknown.flag("success") == false)
            #expect(unknown.number("errorCode") == 21218)
        }
    }

    @Test func getListAndDeleteCalls() async throws {
        try await ConnectorFixture.with { fixture in
            var sids: [String] = []
            for to in ["+14155550151", "+14155550152", "+14155550153"] {
                let placed = await fixture.run("makeCall", ["To": .string(to), "From": "+15005550006", "Say": "Hello"])
                sids.append(try #require(placed.text("callSid")))
            }
            for sid in sids { _ = try await fixture.finishedCall(sid) }

            let one = await fixture.run("listCalls", ["To": "+14155550152"])
            #expect(one.array("calls")?.count == 1)
            #expect(one.flag("hasMore") == false)
            let first = try #require(one.array("calls")?.first?.objectFields)
            #expect(first.text("callSid") == sids[1])
            let page = await fixture.run("listCalls", ["limit": 2, "Status": "completed", "StartTimeAfter": "2000-01-01"])
            #expect(page.array("calls")?.count == 2)
            #expect(page.flag("hasMore") == true)
            #expect(await fixture.run("listCalls", ["Status": "busy"]).array("calls")?.isEmpty == true)

            let fetched = await fixture.run("getCall", ["Sid": .string(sids[0])])
            #expect(fetched.text("to") == "+14155550151")
            let deleted = await fixture.run("deleteCall", ["Sid": .string(sids[0])])
            #expect(deleted.flag("deleted") == true)
            let gone = await fixture.run("getCall", ["Sid": .string(sids[0])])
            #expect(gone.flag("success") == false)
            #expect(gone.number("errorCode") == 20404)
        }
    }

    @Test func downloadRecordingMediaGivesTheURLAndSavesTheBytes() async throws {
        try await ConnectorFixture.with { fixture in
            let placed = await fixture.run("makeCall", ["To": "+14155550161", "From": "+15005550006", "Say": "Recorded hello", "Record": true])
            let callSid = try #require(placed.text("callSid"))
            _ = try await fixture.finishedCall(callSid)
            let client = TwilioClient(configuration: fixture.sandbox.clientConfiguration)
            var recordings: [CallRecording] = []
            for _ in 0..<100 where recordings.isEmpty {
                recordings = try await client.recordings.list(forCall: callSid).collect()
                if recordings.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            }
            let recordingSid = try #require(recordings.first?.sid)

            let link = await fixture.run("downloadRecordingMedia", ["RecordingSid": .string(recordingSid)])
            #expect(link.flag("success") == true)
            #expect(link.text("url")?.hasSuffix("/Recordings/\(recordingSid).wav") == true)
            #expect(link.text("format") == "wav")
            #expect(link["savedPath"] == .null)
            let mp3Link = await fixture.run("downloadRecordingMedia", ["RecordingSid": .string(recordingSid), "Format": "mp3"])
            #expect(mp3Link.text("url")?.hasSuffix("/Recordings/\(recordingSid).mp3") == true)

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voice-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            // The sandbox serves WAV only (it has no MP3 encoder) and says so; Twilio serves both.
            let mp3 = await fixture.run("downloadRecordingMedia", ["RecordingSid": .string(recordingSid), "Format": "mp3",
                                                                    "SaveTo": .string(folder.appendingPathComponent("call.mp3").path)])
            #expect(mp3.flag("success") == false)
            #expect(mp3.number("errorCode") == 20404)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("call.mp3").path), "a failed download writes nothing")
            let path = folder.appendingPathComponent("call.wav").path
            let saved = await fixture.run("downloadRecordingMedia", ["RecordingSid": .string(recordingSid), "Format": "wav", "SaveTo": .string(path)])
            #expect(saved.flag("success") == true, "\(saved)")
            #expect(saved.text("url")?.hasSuffix(".wav") == true)
            #expect(saved.text("savedPath") == path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.count > 44 && bytes.starts(with: Array("RIFF".utf8)), "a WAV file")
            #expect(saved.number("byteCount") == Double(bytes.count))

            let refused = try await fixture.refusal("downloadRecordingMedia", ["RecordingSid": .string(recordingSid), "SaveTo": .string(path)])
            #expect(refused.contains("SaveTo names an existing file; pass Overwrite=true to replace it"))
            let replaced = await fixture.run("downloadRecordingMedia", ["RecordingSid": .string(recordingSid), "SaveTo": .string(path), "Overwrite": true])
            #expect(replaced.flag("success") == true)
            #expect(replaced.text("contentType")?.hasPrefix("audio/x-wav") == true || replaced.text("contentType")?.hasPrefix("audio/wav") == true)
        }
    }

    @Test func badCallInputNamesTheParameterAndTheRuleAndSendsNothing() async throws {
        try await ConnectorFixture.with { fixture in
            let several = try await fixture.refusal("makeCall", ["To": "555", "From": "+15005550006", "Say": "Hi",
                                                                  "Url": "https://e.test/a.xml", "Timeout": 601, "Colour": "blue"])
            #expect(several.contains("To must be an E.164 phone number"))
            #expect(several.contains("Timeout must be from 1 to 600"))
            #expect(several.contains("Say, Twiml, Url, ApplicationSid are mutually exclusive: give exactly one (got Say, Url)"))
            #expect(several.contains("Colour is not a parameter of this action"))

            #expect(try await fixture.refusal("makeCall", ["To": "+14155550142", "From": "+15005550006"])
                .contains("Say, Twiml, Url, ApplicationSid one of these is required"))
            #expect(try await fixture.refusal("makeCall", ["To": "+14155550142", "From": "+15005550006", "Twiml": "<Response><Say>Hi</Response>"])
                .contains("Twiml must be a voice TwiML document"))
            #expect(try await fixture.refusal("makeCall", ["To": "+14155550142", "From": "+15005550006", "Say": "Hi", "Method": "GET"])
                .contains("Method needs Url as well"))
            #expect(try await fixture.refusal("makeCall", ["To": "+14155550142", "From": "+15005550006", "Say": "Hi", "SendDigits": "12x"])
                .contains("SendDigits may only hold 0–9, A–D, #, *, w and W"))
            #expect(try await fixture.refusal("makeCall", ["To": "+14155550142", "From": "+15005550006", "Url": "ftp://e.test/a.xml"])
                .contains("Url must be an http:// or https:// URL"))
            #expect(try await fixture.refusal("makeCall", ["To": "+14155550142", "From": "+15005550006", "Say": "Hi", "MachineDetection": "Maybe"])
                .contains("MachineDetection must be one of Enable, DetectMessageEnd"))
            #expect(try await fixture.refusal("makeCall", ["To": "+14155550142", "From": "+15005550006",
                                                           "Say": .string(String(repeating: "a", count: 3990))])
                .contains("Say makes TwiML of"))

            #expect(try await fixture.refusal("getCall", ["Sid": "SM00000000000000000000000000000000"])
                .contains("Sid must be a CA SID: CA followed by 32 hexadecimal digits"))
            #expect(try await fixture.refusal("deleteCall", [:]).contains("Sid is required"))
            let list = try await fixture.refusal("listCalls", ["StartTime": "2030-01-01", "StartTimeAfter": "2029-01-01", "Status": "done", "limit": 0])
            #expect(list.contains("StartTime, StartTimeAfter are mutually exclusive"))
            #expect(list.contains("Status must be one of queued, ringing, in-progress"))
            #expect(list.contains("limit must be from 1 to 10000"))
        }
    }

    @Test func badRecordingInputSendsNothing() async throws {
        try await ConnectorFixture.with { fixture async throws in
            let sid = "RE00000000000000000000000000000000"
            #expect(try await fixture.refusal("downloadRecordingMedia", ["RecordingSid": .string(sid), "Format": "ogg"])
                .contains("Format must be one of wav, mp3"))
            #expect(try await fixture.refusal("downloadRecordingMedia", ["RecordingSid": .string(sid), "Overwrite": true])
                .contains("Overwrite needs SaveTo as well"))
            #expect(try await fixture.refusal("downloadRecordingMedia", ["RecordingSid": .string(sid), "SaveTo": "/no/such/folder/call.wav"])
                .contains("SaveTo is in a folder that does not exist: /no/such/folder"))
            #expect(try await fixture.refusal("downloadRecordingMedia", ["RecordingSid": .string(sid), "SaveTo": .string(NSTemporaryDirectory())])
                .contains("SaveTo names a folder"))
            #expect(try await fixture.refusal("downloadRecordingMedia", ["RecordingSid": "CA00000000000000000000000000000000"])
                .contains("RecordingSid must be a RE SID"))
        }
    }
}

/// Answers every request with an MP3 file, as Twilio serves `.mp3` recordings.
private struct MP3Transport: TwilioHTTPTransport {
    static let frame: [UInt8] = [0xFF, 0xF3, 0x14, 0xC4] + Array(repeating: 0x55, count: 140)

    func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        guard request.url.hasSuffix(".mp3") else { return TwilioHTTPResponse(status: 404) }
        return TwilioHTTPResponse(status: 200, headers: [(name: "Content-Type", value: "audio/mpeg")], body: Self.frame)
    }
}

@Suite("downloadRecordingMedia in MP3, as Twilio serves it")
struct MP3DownloadTests {
    @Test func anMP3RecordingIsSavedWithItsBytes() async throws {
        let configuration = TwilioConfiguration(credentials: .authToken(accountSID: "AC" + String(repeating: "a", count: 32), authToken: "token"),
                                                endpoint: .baseURL("https://twilio.test"))
        let connector = Connector(configuration: configuration, transport: MP3Transport())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mp3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("call.mp3").path
        let result = await connector.run("downloadRecordingMedia", parameters: [
            "RecordingSid": .string("RE" + String(repeating: "b", count: 32)), "Format": "mp3", "SaveTo": .string(path),
        ])
        #expect(result.objectFields?["success"] == true, "\(result)")
        #expect(result.objectFields?["contentType"] == "audio/mpeg")
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == MP3Transport.frame)
    }
}

extension ConnectorFixture {
    /// The call once it has ended (polled with getCall, up to 10 seconds).
    func finishedCall(_ sid: String) async throws -> [String: JSONValue] {
        let ended: Set<String> = ["completed", "busy", "failed", "no-answer", "canceled"]
        for _ in 0..<200 {
            let call = await run("getCall", ["Sid": .string(sid)])
            if let status = call.text("status"), ended.contains(status) { return call }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("call \(sid) did not end")
        return [:]
    }
}
