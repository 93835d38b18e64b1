import Foundation
import NIOCore
import NIOWebSocket
import Testing
import TwilioKit
@testable import TwilioSandbox

/// The sandbox's side of a stream over a real WebSocket, its frames moved by the test
/// (``StreamBench``, ``ManualPace``): no frame is due until the test says, so nothing asserted
/// depends on the machine's speed — only on the order of the messages.
@Suite("Media Streams playout, marks, clear and keys over a WebSocket, frame by frame")
struct MediaStreamPlayoutSocketTests {
    /// The media frames in `messages` before the first `mark` named `name` (all of them if none).
    private static func mediaFrames(before name: String, in messages: [MediaStreamInboundMessage]) -> Int {
        messages.prefix { message in
            if case .mark(let mark) = message { mark.mark.name != name } else { true }
        }.filter { $0.event == "media" }.count
    }

    private static func markNames(_ messages: [MediaStreamInboundMessage]) -> [String] {
        messages.compactMap { message in if case .mark(let mark) = message { mark.mark.name } else { nil } }
    }

    /// Advances `bench` a frame at a time, each once the app has its `media`, until `done` holds.
    private static func play(_ bench: StreamBench, app: MediaStreamApp, upTo limit: Int = 200,
                             until done: @escaping @Sendable ([MediaStreamInboundMessage]) -> Bool) async throws -> [MediaStreamInboundMessage] {
        var frame = bench.pace.due
        while !done(await app.log.messages), frame < limit {
            frame += 1
            bench.pace.advance(to: frame)
            let expected = frame
            // `done` may come true meanwhile (the app closing at a mark): that frame never comes.
            _ = try await app.waitFor { done($0) || $0.filter { $0.event == "media" }.count >= expected || $0.last?.event == "stop" }
        }
        return try await app.waitFor(done)
    }

    @Test func aMarkComesBackOnlyAfterItsAudioHasPlayedAtTheFramesPace() async throws {
        let bench = try StreamBench()
        let app = try await MediaStreamApp.start(closingAtMark: "second") { message, side in
            switch message {
            case .start:
                try await side.media(Array(repeating: 0x7F, count: 800))  // 100 ms: 5 frames
                try await side.mark("first")
                try await side.media(Array(repeating: 0x7E, count: 1600))  // 200 ms: 10 frames
                try await side.mark("second")
            default:
                break
            }
        }
        defer { Task { await app.stop() } }
        let run = try await bench.start(app).run
        let received = try await Self.play(bench, app: app) { Self.markNames($0).contains("second") }
        #expect(Self.markNames(received) == ["first", "second"])
        #expect(Self.mediaFrames(before: "first", in: received) >= 5, "100 ms of audio plays first")
        #expect(Self.mediaFrames(before: "second", in: received) - Self.mediaFrames(before: "first", in: received) >= 10,
                "then 200 ms before the second")
        let outcome = await run.value
        #expect(outcome.end == .appClosed)
        #expect(outcome.marks == ["first", "second"])
    }

    @Test func clearSendsBackPendingMarksWithoutAFrameMoreAndLaterAudioPlays() async throws {
        let bench = try StreamBench()
        let app = try await MediaStreamApp.start(closingAtMark: "after-clear") { message, side in
            switch message {
            case .start:
                try await side.media(Array(repeating: 0x7F, count: 80_000))  // ten seconds of reply
                try await side.mark("reply-done")
            case .media(let media) where media.media.chunk == "3":
                try await side.clear()  // the caller barged in
            case .mark(let mark) where mark.mark.name == "reply-done":
                try await side.mark("nothing-queued")
                try await side.media(Array(repeating: 0x7E, count: 320))
                try await side.mark("after-clear")
            default:
                break
            }
        }
        defer { Task { await app.stop() } }
        let run = try await bench.start(app).run
        _ = try await Self.play(bench, app: app) { $0.filter { $0.event == "media" }.count >= 3 }

        // The pace stays at frame 3: the marks can only come back because of the clear.
        let cleared = try await app.waitFor { Self.markNames($0) == ["reply-done", "nothing-queued"] }
        #expect(cleared.filter { $0.event == "media" }.count == 3, "no frame played between the clear and its marks")
        #expect(bench.pace.due == 3)

        let received = try await Self.play(bench, app: app) { Self.markNames($0).contains("after-clear") }
        #expect(Self.mediaFrames(before: "after-clear", in: received) - 3 >= 2, "the 40 ms sent after the clear play in full")
        let outcome = await run.value
        #expect(outcome.marks == ["reply-done", "nothing-queued", "after-clear"])
        let stopped = try #require(streamEvent("stream-stopped", in: await bench.events()))
        #expect((stopped["audio_played_bytes"] as? Int ?? 0) + (stopped["audio_cleared_bytes"] as? Int ?? 0) == 80_320)
        #expect((stopped["audio_cleared_bytes"] as? Int ?? 0) >= 80_000 - 3 * 160)
    }

    @Test func keysPressedDuringTheCallArriveAsDTMFOnePerKeyInOrder() async throws {
        let bench = try StreamBench()
        let app = try await MediaStreamApp.start { _, _ in .keepListening }
        defer { Task { await app.stop() } }
        let (run, opened) = try await bench.start(app)
        let streamSID = try #require(opened.last?.streamSid)
        #expect(await bench.connectedStreams.press("5*#", on: bench.call.sid) == streamSID)

        bench.pace.advance(to: 60)  // frames that fell behind go out together
        let received = try await app.waitFor { $0.filter { $0.event == "dtmf" }.count == 3 }
        let keys = received.compactMap { message -> MediaStreamInboundMessage.DTMF? in if case .dtmf(let dtmf) = message { dtmf } else { nil } }
        #expect(keys.map(\.dtmf.digit) == ["5", "*", "#"])
        #expect(keys.allSatisfy { $0.dtmf.track == "inbound_track" && $0.streamSid == streamSID })
        let positions = received.enumerated().filter { $0.element.event == "dtmf" }.map(\.offset)
        #expect(positions.allSatisfy { received[$0 - 1].event == "media" }, "each key after the frame it was heard in")
        #expect(received.dropFirst().map(\.sequenceNumber) == (1..<received.count).map { $0 })

        run.cancel()  // the call ends
        let stopped = try await app.waitFor { $0.last?.event == "stop" }
        guard case .stop(let stop)? = stopped.last else { return }
        #expect(stop.stop == .init(accountSid: bench.call.accountSID, callSid: bench.call.sid))
        #expect(await run.value.end == .callEnded)
        #expect(await bench.connectedStreams.press("1", on: bench.call.sid) == nil, "the stream is gone")
    }

    @Test func audioThatIsNotBase64MuLawEndsTheStreamWith31924() async throws {
        let bench = try StreamBench()
        let app = try await MediaStreamApp.start { message, side in
            guard case .start(let start) = message else { return .keepListening }
            try await side.media(Array(repeating: 0x7F, count: 160))
            try await side.raw(.text(#"{"event":"media","streamSid":"\#(start.streamSid)","media":{"payload":"not base64!"}}"#))
            return .keepListening
        }
        defer { Task { await app.stop() } }
        let outcome = await bench.run(.init(url: app.url)).value
        #expect(outcome.end == .protocolError)
        #expect(!(await app.log.messages).contains { $0.event == "stop" }, "the stream failed: no stop")
        let events = await bench.events()
        let error = try #require(events.first { $0["type"] as? String == "error" })
        #expect(error["code"] as? Int == 31924)
        #expect(error["level"] as? String == "error")
        #expect((error["message"] as? String)?.hasPrefix("Stream - Websocket - Protocol Error: the media payload is not base64") == true)
        #expect(streamEvent("stream-stopped", in: events)?["reason"] as? String == "protocol-error")
    }

    @Test func framesThatBreakTheWebSocketProtocolEndTheStreamWith31924() async throws {
        let bench = try StreamBench()
        let app = try await MediaStreamApp.start { message, side in
            guard case .start = message else { return .keepListening }
            try await side.raw(.custom(WebSocketFrame(fin: true, opcode: .continuation, data: ByteBuffer(bytes: [1, 2, 3]))))
            return .keepListening
        }
        defer { Task { await app.stop() } }
        let outcome = await bench.run(.init(url: app.url)).value
        #expect(outcome.end == .protocolError)
        #expect(errorCodes(in: await bench.events()) == [31924])
    }
}
