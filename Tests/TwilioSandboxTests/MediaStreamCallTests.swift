import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

/// A stream within its call, through the sandbox's API: keys pressed during the call, every way
/// the call can end the stream, and what Twilio does with a `<Stream>` it does not take as written
/// or audio it cannot play.
@Suite("Media Streams within the call: keys, stop, URL rules, unplayable audio")
struct MediaStreamCallTests {
    private static func stopped(_ app: MediaStreamApp) async throws -> [MediaStreamInboundMessage] {
        try await app.waitFor { $0.last?.event == "stop" }
    }

    // MARK: Keys

    @Test func digitsPressedDuringTheCallReachTheStreamAsDTMF() async throws {
        try await withStreamingSandbox(.longTone) { sandbox in
            let app = try await MediaStreamApp.start { _, _ in .keepListening }
            defer { Task { await app.stop() } }
            let sid = try await sandbox.call(twiml: connectStream(app.url))
            let opened = try await app.waitFor { $0.contains { $0.event == "start" } }

            let pressed = try await sandbox.inspect(.post, "/sandbox/calls/\(sid)/digits", form: [("Digits", "7*0#")])
            #expect(pressed.status == 200)
            #expect(pressed.json["delivery"] as? String == "stream")
            #expect(pressed.json["stream_sid"] as? String == opened.last?.streamSid)
            let received = try await app.waitFor { $0.filter { $0.event == "dtmf" }.count == 4 }
            let keys = received.compactMap { message -> MediaStreamInboundMessage.DTMF.KeyPress? in
                if case .dtmf(let dtmf) = message { dtmf.dtmf } else { nil }
            }
            #expect(keys == ["7", "*", "0", "#"].map { MediaStreamInboundMessage.DTMF.KeyPress(digit: $0) })

            let refused = try await sandbox.inspect(.post, "/sandbox/calls/\(sid)/digits", form: [("Digits", "12a")])
            #expect(refused.status == 400)
            #expect(refused.json["code"] as? Int == 20001)
            _ = try await sandbox.client.calls.hangUp(sid)
            _ = try await Self.stopped(app)
            let ended = try await sandbox.inspect(.post, "/sandbox/calls/\(sid)/digits", form: [("Digits", "1")])
            #expect(ended.status == 400)
            #expect(ended.json["code"] as? Int == 21220)
            // `stop` reaches the app before the sandbox logs the stream's end.
            let log = try await sandbox.eventually({ try await sandbox.callEvents(sid) }) { streamEvent("stream-stopped", in: $0) != nil }
            #expect(streamEvent("stream-stopped", in: log)?["digits_sent"] as? String == "7*0#")
            #expect(log.first { $0["type"] as? String == "keys-pressed" }?["delivery"] as? String == "stream")
        }
    }

    @Test func digitsPressedWithNoStreamWaitForTheNextGather() async throws {
        try await withStreamingSandbox { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            // 300 simulated seconds of pause: 600 ms, time to press the keys before the <Gather>.
            let sid = try await sandbox.call(twiml: """
                <Response><Pause length="300"/><Gather numDigits="3" action="\(recorder.baseURL)/gathered"/></Response>
                """)
            let pressed = try await sandbox.inspect(.post, "/sandbox/calls/\(sid)/digits", form: [("Digits", "123")])
            #expect(pressed.status == 200)
            #expect(pressed.json["delivery"] as? String == "queued")
            let gathered = try await recorder.waitFor { $0.contains { $0.path == "/gathered" } }
            #expect(gathered.first { $0.path == "/gathered" }?.form.first("Digits") == "123")
        }
    }

    // MARK: How the call ends the stream

    @Test func theCallerHangingUpWhenTheirAudioIsOverEndsTheCall() async throws {
        try await withStreamingSandbox { sandbox in
            let app = try await MediaStreamApp.start { _, _ in .keepListening }
            defer { Task { await app.stop() } }
            let sid = try await sandbox.call(twiml: connectStream(app.url, after: "<Say>never said</Say>"))
            let call = try await sandbox.completed(sid)
            #expect(call.durationSeconds == 1, "the second the stream lasted, though the app sent nothing back")
            _ = try await Self.stopped(app)
            let log = try await sandbox.callEvents(sid)
            #expect(streamEvent("stream-stopped", in: log)?["reason"] as? String == "audio-ended")
            #expect(log.contains { $0["type"] as? String == "hangup" && $0["by"] as? String == "caller" })
            #expect(!eventTypes(in: log).contains("say"), "the caller is gone: the TwiML after <Connect> does not run")
        }
    }

    @Test func theTimeLimitStopsTheStreamAndEndsTheCall() async throws {
        try await withStreamingSandbox(.longTone) { sandbox in
            let app = try await MediaStreamApp.start { _, _ in .keepListening }
            defer { Task { await app.stop() } }
            let sid = try await sandbox.call(twiml: connectStream(app.url, after: "<Say>never said</Say>"), timeLimit: 1)
            _ = try await sandbox.completed(sid)
            let received = try await Self.stopped(app)
            #expect(received.filter { $0.event == "media" }.count == 50, "one second of frames")
            let log = try await sandbox.callEvents(sid)
            #expect(streamEvent("stream-stopped", in: log)?["reason"] as? String == "time-limit")
            #expect(eventTypes(in: log).contains("time-limit"))
            #expect(!eventTypes(in: log).contains("say"))
        }
    }

    @Test func aRedirectToHangupStopsTheStreamFirst() async throws {
        try await withStreamingSandbox(.longTone) { sandbox in
            let app = try await MediaStreamApp.start { _, _ in .keepListening }
            defer { Task { await app.stop() } }
            let sid = try await sandbox.call(twiml: connectStream(app.url, after: "<Say>never said</Say>"))
            _ = try await app.waitFor { $0.filter { $0.event == "media" }.count >= 3 }
            _ = try await sandbox.client.calls.update(sid, .init(redirect: .twiml("<Response><Hangup/></Response>")))
            let received = try await Self.stopped(app)
            guard case .stop(let stop)? = received.last else { return }
            #expect(stop.stop.callSid == sid)
            _ = try await sandbox.completed(sid)
            let log = try await sandbox.eventually({ try await sandbox.callEvents(sid) }) { eventTypes(in: $0).contains("hangup") }
            #expect(streamEvent("stream-stopped", in: log)?["reason"] as? String == "call-ended")
            let stoppedAt = log.firstIndex { $0["stream_event"] as? String == "stream-stopped" }
            #expect((stoppedAt ?? .max) < (eventTypes(in: log).firstIndex(of: "hangup") ?? -1), "stop, then the <Hangup>")
            #expect(!eventTypes(in: log).contains("say"))
        }
    }

    // MARK: <Stream> as Twilio takes it

    @Test func aQueryStringIsDroppedParametersCarryTheValuesAndLongOnesAreLeftOut() async throws {
        try await withStreamingSandbox { sandbox in
            let app = try await MediaStreamApp.start { _, _ in .keepListening }
            defer { Task { await app.stop() } }
            let long = String(repeating: "x", count: 500)
            let sid = try await sandbox.call(twiml: """
                <Response><Connect><Stream url="\(app.url)?token=secret&amp;lang=en">\
                <Parameter name="token" value="secret"/><Parameter name="long" value="\(long)"/></Stream></Connect></Response>
                """)
            _ = try await sandbox.completed(sid)
            let received = try await Self.stopped(app)
            #expect(await app.log.path == "/stream", "connected without the query string")
            let signature = await app.log.signature ?? ""
            #expect(TwilioRequestValidator(authToken: sandbox.server.configuration.authToken).validate(url: app.url, parameters: [],
                                                                                                     signature: signature))
            guard case .start(let start) = received[1] else { Issue.record("no start"); return }
            #expect(start.start.customParameters == ["token": "secret"])

            let log = try await sandbox.callEvents(sid)
            let warning = try #require(log.first { $0["type"] as? String == "warning" })
            #expect(warning["dropped_query"] as? String == "token=secret&lang=en")
            #expect(warning["connected_url"] as? String == app.url)
            let schema = log.first { $0["type"] as? String == "error" }
            #expect(schema?["code"] as? Int == 12200)
            #expect(schema?["level"] as? String == "warning")
        }
    }

    @Test func audioFileBytesEndTheStreamWith31924AndTheCallGoesOn() async throws {
        try await withStreamingSandbox(.longTone) { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let app = try await MediaStreamApp.start { message, side in
                if case .start = message { try await side.media(WAVEncoder.tone(seconds: 1, channels: 1)) }
                return .keepListening
            }
            defer { Task { await app.stop() } }
            let sid = try await sandbox.call(twiml: connectStream(
                app.url, attributes: " statusCallback=\"\(recorder.baseURL)/stream-status\"", after: "<Say>Sorry, goodbye</Say>"))
            _ = try await sandbox.completed(sid)
            #expect(!(await app.log.messages).contains { $0.event == "stop" })
            let log = try await sandbox.callEvents(sid)
            #expect(errorCodes(in: log) == [31924])
            #expect(streamEvent("stream-stopped", in: log)?["reason"] as? String == "protocol-error")
            #expect(eventTypes(in: log).contains("say"), "the TwiML after <Connect> runs")
            let callbacks = try await recorder.waitFor { $0.filter { $0.path == "/stream-status" }.count == 2 }
            #expect(callbacks.map { $0.form.first("StreamEvent") } == ["stream-started", "stream-error"])
            #expect(callbacks.last?.form.first("StreamError")?.hasPrefix("Stream - Websocket - Protocol Error") == true)
        }
    }
}
