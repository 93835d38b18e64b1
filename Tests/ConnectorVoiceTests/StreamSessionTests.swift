import ConnectorVoice
import Logging
import Testing
import TwilioKit

/// A stream session against a double of Twilio's side (no sockets): marks, barge-in, DTMF, the
/// stream's checks, and how it ends.
@Suite("Stream sessions against Twilio's side")
struct StreamSessionTests {
    /// Runs `workflow` on a session fed by `twilio`; the session's report once it ends.
    private func session(_ workflow: any RealtimeWorkflow, control: RecordingCallControl = RecordingCallControl(),
                         lead: Duration = .milliseconds(60), clock: any PlayoutClock = ContinuousPlayoutClock()) -> StreamSession {
        StreamSession(name: "test", workflow: workflow, settings: StreamSettings(lead: lead, finishGrace: .seconds(2), clock: clock),
                      logger: Logger(label: "test")) { _, token in
            token == "good" ? .granted(control) : .refused("the token is not good")
        }
    }

    private func run(_ session: StreamSession, _ twilio: TwilioDouble) -> Task<StreamReport, Never> {
        Task { await session.run(inbound: twilio.frames, output: twilio) }
    }

    /// 8 kHz µ-law of `count` samples of a tone.
    private func audio(_ count: Int) -> [UInt8] {
        MuLaw.encode(ToneGenerator.tone(frequency: 440, duration: .microseconds(Int64(count) * 125)))
    }

    @Test func marksArePlayedInOrderAndAfterTheirAudio() async throws {
        let twilio = TwilioDouble()
        let first = audio(1600), second = audio(800)
        let workflow = ClosureWorkflow { call in
            call.play(muLaw: first)
            call.queueMark("first")
            call.play(muLaw: second)
            call.queueMark("second")
            var reported: [JSONValue] = []
            for await event in call.events {
                if case .markPlayed(let name) = event { reported.append(.string(name)) }
                if reported.count == 2 { break }
            }
            return ["played": .array(reported)]
        }
        let report = run(session(workflow), twilio)
        twilio.open()
        let player = Task { await twilio.playInRealTime() }
        let result = await report.value
        player.cancel()
        #expect(result.result?["played"] == ["first", "second"], "marks reported in order: \(String(describing: result.result))")
        let echoes = twilio.echoes
        #expect(echoes.map(\.name).prefix(2) == ["first", "second"])
        #expect(echoes.first?.playedBytes == 1600, "the first mark came back once its 1600 bytes had played: \(echoes)")
        #expect(echoes.dropFirst().first?.playedBytes == 2400, "the second once all 2400 had: \(echoes)")
        // The connector sent each mark right after the audio queued before it.
        let sent = twilio.sent
        let firstMark = try #require(sent.firstIndex(of: .mark("first")))
        let audioBefore = sent[..<firstMark].reduce(0) { if case .media(let count) = $1 { $0 + count } else { $0 } }
        #expect(audioBefore == 1600)
        #expect(sent.allSatisfy { if case .media(let count) = $0 { count <= 160 } else { true } }, "framed in 20 ms frames")
        #expect(result.end == .workflowFinished)
    }

    @Test func outboundAudioIsPacedToTheCallersEar() async throws {
        let twilio = TwilioDouble()
        let clock = ManualPlayoutClock()
        let workflow = ClosureWorkflow { call in
            call.play(muLaw: [UInt8](repeating: 0xFF, count: 8000))
            return [:]
        }
        let report = run(session(workflow, lead: .milliseconds(100), clock: clock), twilio)
        twilio.open()
        // At the start the connector sends only its lead, 100 ms (800 bytes) of the second queued.
        let atStart = try await eventually("the lead sent", { twilio.receivedAudio.count }) { $0 >= 800 }
        #expect(atStart == 800)
        // 100 ms later the caller has heard those 800 bytes: 800 more keep the lead.
        clock.advance(to: .milliseconds(100))
        let later = try await eventually("the next 100 ms sent", { twilio.receivedAudio.count }) { $0 >= 1600 }
        #expect(later == 1600)
        #expect(twilio.sent.allSatisfy { if case .media(let count) = $0 { count == 160 } else { true } }, "in 20 ms frames")
        // The rest goes out as the caller's ear catches up, before the stream closes.
        let ear = Task {
            var now = Duration.milliseconds(100)
            while !Task.isCancelled {
                now += .milliseconds(20)
                clock.advance(to: now)
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
        _ = await report.value
        ear.cancel()
        #expect(twilio.receivedAudio.count == 8000, "everything queued went out before the stream closed")
    }

    @Test func clearDropsTheQueuedAudioOnBargeIn() async throws {
        let twilio = TwilioDouble()
        let long = audio(24_000) // three seconds
        let workflow = ClosureWorkflow { call in
            call.play(muLaw: long)
            call.queueMark("long")
            var outcome: JSONValue = .null
            for await event in call.events {
                switch event {
                case .digit:
                    call.clear()
                case .markCleared(let name):
                    outcome = .string("cleared \(name)")
                    call.play(muLaw: [UInt8](repeating: 0xFF, count: 160))
                    return ["outcome": outcome]
                case .markPlayed(let name):
                    return ["outcome": .string("played \(name)")]
                case .audio:
                    break
                }
            }
            return ["outcome": outcome]
        }
        let report = run(session(workflow), twilio)
        twilio.open()
        let player = Task { await twilio.playInRealTime() }
        try await Task.sleep(for: .milliseconds(400))
        twilio.dtmf("5") // the caller talks over the prompt
        let result = await report.value
        player.cancel()
        #expect(result.result?["outcome"] == "cleared long", "\(String(describing: result.result))")
        let sent = twilio.sent
        let clear = try #require(sent.firstIndex(of: .clear))
        let before = sent[..<clear].reduce(0) { if case .media(let count) = $1 { $0 + count } else { $0 } }
        #expect(before < 24_000 / 2, "most of the prompt never left the connector: \(before) bytes were sent before the clear")
        #expect(!sent.contains(.mark("long")), "the mark after the prompt was dropped with it, before it reached Twilio")
        let after = sent[(clear + 1)...].reduce(0) { if case .media(let count) = $1 { $0 + count } else { $0 } }
        #expect(after == 160, "only the audio queued after the clear was sent after it")
    }

    @Test func dtmfReachesTheMenuWhichTransfers() async throws {
        let twilio = TwilioDouble()
        let control = RecordingCallControl()
        let menu = MenuWorkflow(prompt: ToneGenerator.tone(frequency: 500, duration: .seconds(2)), numDigits: 1, timeout: .seconds(5),
                                routes: ["2": "+14155550100"])
        let report = run(session(menu, control: control), twilio)
        twilio.open()
        let player = Task { await twilio.playInRealTime() }
        try await Task.sleep(for: .milliseconds(200))
        twilio.dtmf("2")
        let result = await report.value
        player.cancel()
        #expect(result.result?["digits"] == "2")
        #expect(result.result?["transferredTo"] == "+14155550100")
        #expect(twilio.sent.contains(.clear), "the key stopped the prompt")
        guard case .twiml(let twiml)? = control.requests.first?.redirect else {
            Issue.record("no transfer: \(control.requests)")
            return
        }
        #expect(twiml.contains("<Dial>+14155550100</Dial>"), "\(twiml)")
    }

    @Test func theMenuTimesOutAfterThePromptPlayed() async throws {
        let twilio = TwilioDouble()
        let menu = MenuWorkflow(prompt: ToneGenerator.tone(frequency: 500, duration: .milliseconds(200)), timeout: .milliseconds(300))
        let report = run(session(menu), twilio)
        twilio.open()
        let player = Task { await twilio.playInRealTime() }
        let result = await report.value
        player.cancel()
        #expect(result.result?["endedBy"] == "timeout")
        #expect(result.result?["digits"] == "")
    }

    @Test func theCallersAudioAndDigitsReachTheWorkflowAndStopEndsIt() async throws {
        let twilio = TwilioDouble()
        let workflow = ClosureWorkflow { call in
            var bytes = 0
            var digits = ""
            for await event in call.events {
                switch event {
                case .audio(let chunk): bytes += chunk.samples.count
                case .digit(let digit): digits += digit
                default: break
                }
            }
            return ["bytes": .number(Double(bytes)), "digits": .string(digits), "from": .string(call.start.from ?? ""),
                    "token": .string(call.start.customParameters["StreamToken"] ?? "hidden")]
        }
        let report = run(session(workflow), twilio)
        twilio.open()
        for _ in 0..<5 { twilio.media(audio(160)) }
        twilio.dtmf("4")
        twilio.dtmf("2")
        twilio.stop()
        let result = await report.value
        #expect(result.end == .stopped)
        #expect(result.result == ["bytes": 800, "digits": "42", "from": "+14155550123", "token": "hidden"])
        #expect(twilio.closed == .normal)
    }

    @Test func aConnectionThatTakesNoMoreWritesGetsTheAudioOnceItTakesThemAgain() async throws {
        let twilio = TwilioDouble()
        let connection = session(EchoWorkflow()).open(output: twilio)
        let report = Task { await connection.run() }
        let reader = Task {
            for await frame in twilio.frames { connection.receive(frame) }
            connection.connectionClosed()
        }
        twilio.open()
        twilio.media(audio(160))
        _ = try await eventually("the first echo", { twilio.receivedAudio.count }) { $0 >= 160 }
        twilio.isWritable = false
        for _ in 0..<3 { twilio.media(audio(160)) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(twilio.receivedAudio.count == 160, "nothing is written while the connection takes nothing")
        twilio.isWritable = true
        connection.outputBecameWritable()
        let echoed = try await eventually("the held echoes", { twilio.receivedAudio.count }) { $0 >= 640 }
        #expect(echoed == 640)
        twilio.stop()
        #expect(await report.value.end == .stopped)
        await reader.value
    }

    @Test func aMalformedMessageEndsTheStreamWithAReason() async throws {
        let twilio = TwilioDouble()
        let report = run(session(EchoWorkflow()), twilio)
        twilio.open()
        twilio.media(audio(160))
        twilio.raw(#"{"event": "media", "streamSid": "MZ", "media": {"payload": "not base64!"}}"#)
        let result = await report.value
        guard case .protocolError(let reason) = result.end else {
            Issue.record("ended \(result.end)")
            return
        }
        #expect(reason.contains("base64"))
        #expect(result.result?["echoedSeconds"] == .number(0.02), "the workflow still ended with its result")
        #expect(twilio.closed == .protocolError(reason))
    }

    @Test(arguments: [
        ("not json at all", "not a Media Streams message"),
        (#"{"event": "dtmf"}"#, "not a Media Streams message"),
    ])
    func unreadableMessagesEndTheStream(_ text: String, _ expected: String) async throws {
        let twilio = TwilioDouble()
        let report = run(session(EchoWorkflow()), twilio)
        twilio.open()
        twilio.raw(text)
        let result = await report.value
        guard case .protocolError(let reason) = result.end else {
            Issue.record("ended \(result.end)")
            return
        }
        #expect(reason.contains(expected), "\(reason)")
        #expect(!reason.contains(text), "the message itself is not logged")
    }

    @Test func aBinaryFrameEndsTheStream() async throws {
        let twilio = TwilioDouble()
        let report = run(session(EchoWorkflow()), twilio)
        twilio.open()
        twilio.binary(10)
        #expect(await report.value.end == .protocolError("a binary frame of 10 bytes: Media Streams messages are JSON text"))
    }

    @Test func audioThatIsNot8kHzMuLawEndsTheStreamBeforeTheWorkflow() async throws {
        let twilio = TwilioDouble()
        let report = run(session(EchoWorkflow()), twilio)
        twilio.open(format: .init(encoding: "audio/l16", sampleRate: 16000, channels: 1))
        let result = await report.value
        #expect(result.result == nil, "no workflow ran")
        guard case .protocolError(let reason) = result.end else {
            Issue.record("ended \(result.end)")
            return
        }
        #expect(reason.contains("not 8 kHz µ-law"))
    }

    @Test func aStreamWithoutItsTokenIsRefused() async throws {
        let twilio = TwilioDouble()
        let report = run(session(EchoWorkflow()), twilio)
        twilio.open(token: "stolen")
        let result = await report.value
        #expect(result.end == .refused("the token is not good"))
        #expect(result.result == nil)
        #expect(twilio.closed == .policyViolation("the token is not good"))
    }

    @Test func aWorkflowThatOutlivesItsCallIsCancelled() async throws {
        let twilio = TwilioDouble()
        let stubborn = ClosureWorkflow { _ in
            try await Task.sleep(for: .seconds(60))
            return ["finished": true]
        }
        let report = run(session(stubborn), twilio)
        twilio.open()
        twilio.stop()
        let started = ContinuousClock.now
        let result = await report.value
        // Cancelled after the 2 s grace, not 60 s later when it would have returned (the bound is
        // loose: a loaded machine takes longer to get there).
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(result.result?["error"]?.scalarText?.hasPrefix("the workflow was cancelled") == true, "\(String(describing: result.result))")
    }

    @Test func callControlGoesThroughTheSeam() async throws {
        let twilio = TwilioDouble()
        let control = RecordingCallControl()
        let workflow = ClosureWorkflow { call in
            let recording = try await call.startRecording()
            try await call.stopRecording(recording)
            try await call.redirect(VoiceResponse([.hangup]))
            try await call.hangUp()
            return [:]
        }
        let report = run(session(workflow, control: control), twilio)
        twilio.open()
        let player = Task { await twilio.playInRealTime() }
        _ = await report.value
        player.cancel()
        #expect(control.recordingRequests == ["start", "stop RE" + String(repeating: "d", count: 32)])
        #expect(control.requests.map(\.status) == [nil, .completed])
    }

    @Test func sentDigitsAreTheirDTMFTones() async throws {
        let twilio = TwilioDouble()
        let workflow = ClosureWorkflow { call in
            call.sendDigits("1#")
            return [:]
        }
        let report = run(session(workflow), twilio)
        twilio.open()
        let player = Task { await twilio.playInRealTime() }
        _ = await report.value
        player.cancel()
        let samples = MuLaw.decode(twilio.receivedAudio)
        #expect(samples.count == 2 * 1280, "two keys of 100 ms tone and 60 ms gap")
        // Key 1 is 697 Hz + 1209 Hz: the tone's energy sits at those frequencies.
        let tone = Array(samples[0..<800])
        #expect(Goertzel.power(tone, frequency: 697) > 10 * Goertzel.power(tone, frequency: 941))
        #expect(Goertzel.power(tone, frequency: 1209) > 10 * Goertzel.power(tone, frequency: 1477))
    }
}
