import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import NIOCore
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox Media Streams over a real WebSocket, driven by TwilioKit")
struct MediaStreamSandboxTests {
    /// Calls a handset whose call connects to `app`'s stream, waits for the call to complete, and
    /// returns it with every message the app received.
    private func streamedCall(_ sandbox: SandboxFixture, to app: MediaStreamApp,
                              recordDual: Bool = false) async throws -> (sid: String, received: [MediaStreamInboundMessage]) {
        let sid = try await sandbox.call(twiml: connectStream(app.url), recordDual: recordDual)
        _ = try await sandbox.completed(sid)
        return (sid, await app.log.messages)
    }

    // MARK: The protocol

    @Test func streamsTheCallersAudioAndCollectsWhatTheAppSendsBack() async throws {
        try await withStreamingSandbox { sandbox in
            let app = try await MediaStreamApp.start { message, side in
                guard case .start = message else { return .keepListening }
                for chunk in 0..<20 {  // a one-second greeting, in 50 ms chunks
                    try await side.media((0..<400).map { UInt8(truncatingIfNeeded: $0 * 7 + chunk) })
                }
                return .keepListening
            }
            defer { Task { await app.stop() } }
            let sid = try await sandbox.call(twiml: connectStream(app.url))
            #expect(try await sandbox.completed(sid).status == .completed, "the call completes once the stream ends")
            let received = try await app.waitFor { $0.last?.event == "stop" }

            guard case .connected(let connected)? = received.first else { Issue.record("first message: \(received.first?.event ?? "none")"); return }
            #expect(connected == .init(protocolName: "Call", version: "1.0.0"))
            guard case .start(let start) = received[1] else { Issue.record("second message: \(received[1].event)"); return }
            #expect(start.sequenceNumber == "1")
            #expect(start.streamSid.hasPrefix("MZ") && start.streamSid.count == 34)
            #expect(start.start == .init(accountSid: sandbox.server.configuration.accountSID, callSid: sid, streamSid: start.streamSid,
                                         tracks: ["inbound"], customParameters: ["customer": "42"], mediaFormat: .init()))
            #expect(received.dropFirst().map(\.sequenceNumber) == (1..<received.count).map { $0 }, "sequence numbers count up from 1")
            #expect(received.dropFirst().allSatisfy { $0.streamSid == start.streamSid })

            let media = received.compactMap { message -> MediaStreamInboundMessage.Media.Payload? in
                if case .media(let media) = message { media.media } else { nil }
            }
            #expect(media.count == 50, "one second of 20 ms frames")
            #expect(media.map(\.chunkValue) == (1...50).map { $0 })
            #expect(media.map(\.timestampMilliseconds) == (0..<50).map { $0 * 20 })
            #expect(media.allSatisfy { $0.track == "inbound" && $0.audioBytes?.count == 160 })
            let loudness = media.map { frame in MuLaw.decode(frame.audioBytes ?? []).map { abs(Int($0)) }.max() ?? 0 }
            #expect(loudness.contains { $0 > 2000 } && loudness.contains { $0 < 50 }, "speech-like: syllables and pauses")
            guard case .stop(let stop)? = received.last else { return }
            #expect(stop.stop == .init(accountSid: sandbox.server.configuration.accountSID, callSid: sid))

            let signature = await app.log.signature ?? ""
            #expect(TwilioRequestValidator(authToken: sandbox.server.configuration.authToken).validate(url: app.url, parameters: [], signature: signature),
                    "the handshake carries X-Twilio-Signature")
            #expect(await app.log.path == "/stream")

            let sent = await app.log.sentAudio
            #expect(sent.count == 8000)
            let log = try await sandbox.callEvents(sid)
            let stopped = try #require(streamEvent("stream-stopped", in: log))
            #expect(stopped["reason"] as? String == "audio-ended")
            #expect(stopped["media_frames_sent"] as? Int == 50)
            #expect(stopped["audio_received_bytes"] as? Int == sent.count)
            let logged = (stopped["received_audio"] as? String).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) } ?? []
            let sameAudio = logged == sent
            #expect(sameAudio, "the app's audio is in the call's events")
            let ended = log.first { $0["type"] as? String == "stream-ended" }
            #expect(ended?["audio_bytes"] as? Int == sent.count, "and in the bridge's outcome")
            #expect(streamEvent("stream-started", in: log)?["stream_sid"] as? String == start.streamSid)
        }
    }

    @Test func theAppsAudioIsInTheCallsRecordingAndTheInspectionAPI() async throws {
        try await withStreamingSandbox { sandbox in
            let app = try await MediaStreamApp.start { message, side in
                guard case .start = message else { return .keepListening }
                try await side.media((0..<4000).map { UInt8(truncatingIfNeeded: $0 * 13) })  // half a second
                return .keepListening
            }
            defer { Task { await app.stop() } }
            let (sid, _) = try await streamedCall(sandbox, to: app, recordDual: true)
            let sent = MuLaw.decode(await app.log.sentAudio)
            #expect(sent.count == 4000)

            let inspected = try await sandbox.request(.get, "/sandbox/calls/\(sid)/audio")
            #expect(inspected.status == 200)
            #expect(Self.channel(1, of: inspected.body, channels: 1) == sent, "the inspection API serves what the app sent")

            let recordings = try await sandbox.eventually({ try await sandbox.client.recordings.list(.init(callSid: sid)).collect() }) { !$0.isEmpty }
            let recording = try #require(recordings.first?.sid)
            let wav = try await sandbox.client.recordings.download(recording, format: .wav).bytes
            #expect(wav[22] == 2, "a dual-channel recording")
            let outbound = Self.channel(2, of: wav, channels: 2)
            #expect(Array(outbound.prefix(4000)) == sent, "the recording's second channel is what the app sent")
            #expect(outbound.dropFirst(4000).allSatisfy { $0 == 0 }, "then silence to the recording's length")
            let caller = Self.channel(1, of: wav, channels: 2)
            #expect(caller.contains { abs(Int($0)) > 1000 }, "the first channel is the caller's side")
        }
    }

    /// The samples of channel `number` (1-based) of a 16-bit PCM WAV with a 44-byte header.
    private static func channel(_ number: Int, of wav: [UInt8], channels: Int) -> [Int16] {
        let samples = stride(from: 44, to: wav.count - 1, by: 2).map { Int16(bitPattern: UInt16(wav[$0]) | UInt16(wav[$0 + 1]) << 8) }
        return stride(from: number - 1, to: samples.count, by: channels).map { samples[$0] }
    }

    @Test func theHandsetsQueuedDigitsArriveAsDTMF() async throws {
        try await withStreamingSandbox { sandbox in
            let app = try await MediaStreamApp.start { _, _ in .keepListening }
            defer { Task { await app.stop() } }
            let handset = "+14155550177"
            _ = try await sandbox.inspect(.post, "/sandbox/handsets/\(handset)", form: [("Digits", "12#")])
            let sid = try await sandbox.call(twiml: connectStream(app.url), to: handset)
            _ = try await sandbox.completed(sid)
            let received = try await app.waitFor { $0.last?.event == "stop" }
            let keys = received.compactMap { message -> MediaStreamInboundMessage.DTMF.KeyPress? in
                if case .dtmf(let dtmf) = message { dtmf.dtmf } else { nil }
            }
            #expect(keys == [.init(digit: "1"), .init(digit: "2"), .init(digit: "#")])
            #expect(received.firstIndex { $0.event == "dtmf" }.map { received[..<$0].filter { $0.event == "media" }.count } == 12,
                    "one second for three keys: spread evenly")
        }
    }

    // MARK: How a stream ends

    @Test func theAppClosingEndsTheStreamAndTheCallGoesToTheConnectAction() async throws {
        try await withStreamingSandbox(.longTone) { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let app = try await MediaStreamApp.start { message, _ in
                if case .media(let media) = message, media.media.chunk == "3" { return .close }
                return .keepListening
            }
            defer { Task { await app.stop() } }
            let twiml = connectStream(app.url, attributes: " name=\"assistant\" statusCallback=\"\(recorder.baseURL)/stream-status\"",
                                      connect: " action=\"\(recorder.baseURL)/after\"")
            let sid = try await sandbox.call(twiml: twiml)
            #expect(try await sandbox.completed(sid).status == .completed)
            let received = await app.log.messages
            #expect(!received.contains { $0.event == "stop" }, "the app hung up: there is no one to send stop to")

            let webhooks = try await recorder.waitFor { requests in
                requests.contains { $0.path == "/after" } && requests.filter { $0.path == "/stream-status" }.count == 2
            }
            let statuses = webhooks.filter { $0.path == "/stream-status" }
            #expect(statuses.map { $0.form.first("StreamEvent") } == ["stream-started", "stream-stopped"])
            let validator = TwilioRequestValidator(authToken: sandbox.server.configuration.authToken)
            for status in statuses {
                #expect(status.form.first("StreamName") == "assistant")
                #expect(status.form.first("CallSid") == sid)
                #expect(status.form.first("StreamSid")?.hasPrefix("MZ") == true)
                #expect(status.form.first("Timestamp") != nil)
                #expect(validator.validate(url: status.url, parameters: status.form.items.map { ($0.name, $0.value) }, signature: status.signature ?? ""))
            }
            #expect(webhooks.first { $0.path == "/after" }?.form.first("CallSid") == sid)
            let stopped = try #require(streamEvent("stream-stopped", in: try await sandbox.callEvents(sid)))
            #expect(stopped["reason"] as? String == "app-closed")
            #expect(stopped["close_code"] as? Int == 1000)
            #expect((stopped["media_frames_sent"] as? Int ?? 0) < 1500)
        }
    }

    @Test func hangingUpSendsStop() async throws {
        try await withStreamingSandbox(MediaStreamAudio(source: .speechLike, seconds: 30, speedUp: 1)) { sandbox in
            let app = try await MediaStreamApp.start { _, _ in .keepListening }
            defer { Task { await app.stop() } }
            let sid = try await sandbox.call(twiml: connectStream(app.url, after: "<Say>never said</Say>"))
            _ = try await app.waitFor { $0.filter { $0.event == "media" }.count >= 3 }
            _ = try await sandbox.client.calls.hangUp(sid)
            let received = try await app.waitFor { $0.last?.event == "stop" }
            #expect(received.filter { $0.event == "media" }.count < 1500, "stopped long before the audio's end")
            let log = try await sandbox.eventually({ try await sandbox.callEvents(sid) }) { streamEvent("stream-stopped", in: $0) != nil }
            #expect(streamEvent("stream-stopped", in: log)?["reason"] as? String == "call-ended")
            #expect(!log.contains { $0["type"] as? String == "say" })
            #expect(try await sandbox.client.calls.fetch(sid).status == .completed)
        }
    }

    // MARK: Failures, as Twilio reports them

    @Test(arguments: [
        ("ws://127.0.0.1:1/stream", "", 31902),
        ("https://example.com/stream", "", 31922),
        ("wss:/no-host", "", 31923),
        ("ws://127.0.0.1:1/stream", " track=\"both_tracks\"", 31941),
    ])
    func streamsThatCannotStartReportTwiliosError(url: String, attributes: String, code: Int) async throws {
        try await withStreamingSandbox { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            let twiml = connectStream(url, attributes: attributes + " statusCallback=\"\(recorder.baseURL)/stream-status\"",
                                      after: "<Say>Sorry</Say>")
            let sid = try await sandbox.call(twiml: twiml)
            _ = try await sandbox.completed(sid)
            let log = try await sandbox.callEvents(sid)
            #expect(errorCodes(in: log) == [code])
            #expect(streamEvent("stream-error", in: log)?["error_code"] as? Int == code)
            #expect(log.contains { $0["type"] as? String == "say" }, "the TwiML goes on")
            let callbacks = try await recorder.waitFor { $0.contains { $0.path == "/stream-status" } }
            #expect(callbacks.first?.form.first("StreamEvent") == "stream-error")
            #expect(callbacks.first?.form.first("StreamError")?.hasPrefix("Stream - ") == true)
        }
    }

    @Test func aServerThatDoesNotUpgradeIsAHandshakeError() async throws {
        try await withStreamingSandbox { sandbox in
            let plainHTTP = try await WebhookRecorder.start()
            defer { Task { await plainHTTP.stop() } }
            let url = plainHTTP.baseURL.replacingOccurrences(of: "http://", with: "ws://") + "/stream"
            let sid = try await sandbox.call(twiml: connectStream(url))
            _ = try await sandbox.completed(sid)
            #expect(errorCodes(in: try await sandbox.callEvents(sid)) == [31920])
        }
    }

    @Test func messagesOutsideTheProtocolAreReportedOncePerStream() async throws {
        try await withStreamingSandbox(.longTone) { sandbox in
            let app = try await MediaStreamApp.start { message, side in
                if case .mark = message { return .close }
                guard case .start(let start) = message else { return .keepListening }
                try await side.raw(.binary(ByteBuffer(bytes: [1, 2, 3])))
                try await side.raw(.binary(ByteBuffer(bytes: [4])))
                try await side.raw(.text("not json"))
                try await side.raw(.text(#"{"event":"dance","streamSid":"\#(start.streamSid)"}"#))
                try await side.raw(.text(#"{"event":"clear","streamSid":"MZ00000000000000000000000000000000"}"#))
                try await side.mark("still-works")
                return .keepListening
            }
            defer { Task { await app.stop() } }
            let (sid, received) = try await streamedCall(sandbox, to: app)
            #expect(received.contains { if case .mark(let mark) = $0 { mark.mark.name == "still-works" } else { false } })
            #expect(errorCodes(in: try await sandbox.callEvents(sid)).sorted() == [31950, 31951])
        }
    }

    // MARK: The pieces

    @Test func wavFilesAreConvertedToEightKilohertzMonoFrames() throws {
        var wav = WAVEncoder.tone(seconds: 1, channels: 2)
        wav.replaceSubrange(24..<28, with: [0x80, 0x3E, 0, 0])  // declare 16 kHz: the second is now half a second
        let decoded = try WAVDecoder.decode(wav)
        #expect(decoded.sampleRate == 16000)
        #expect(decoded.samples.count == 8000, "two channels mixed into one")
        #expect(decoded.resampled(to: 8000).count == 4000)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("media-stream-\(UUID().uuidString).wav")
        try Data(WAVEncoder.tone(seconds: 1, channels: 1)).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        var audio = try CallerAudio(MediaStreamAudio(source: .wavFile(path: path.path)), maximumSeconds: 0.5)
        #expect(audio.frameCount == 25, "cut at the call's remaining time")
        var frames: [[UInt8]] = []
        while let frame = audio.nextFrame() { frames.append(frame) }
        #expect(frames.count == 25)
        #expect(frames.allSatisfy { $0.count == 160 })
        let tone = try WAVDecoder.decode(WAVEncoder.tone(seconds: 1, channels: 1)).samples
        #expect(frames[10] == MuLaw.encode(Array(tone[1600..<1760])), "the file's audio, frame by frame")
        #expect(throws: WAVDecoder.DecodingError.self) { try WAVDecoder.decode(Array("not a wav".utf8)) }
    }
}
