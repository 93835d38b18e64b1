import ConnectorStore
import ConnectorVoice
import Foundation
import Testing
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// makeCall with a real-time workflow, and inbound calls reaching one, end to end against the
/// sandbox: the call placed with `<Connect><Stream>`, the stream to the connector's `/streams/…`,
/// its status callbacks to `callStatus`, the result.
@Suite("Real-time calls through the sandbox", .serialized)
struct RealtimeCallTests {
    static let sender = "+15005550006"
    static let handset = "+14155550123"

    /// A second of a chirp (300 Hz to 3 kHz), a signal whose echo is unmistakable, then two and a
    /// half seconds of silence — the caller stays on the line while the reply comes back, so the
    /// hang-up does not cut it even when a loaded machine delays the reply by seconds — as a WAV
    /// file; the chirp's samples.
    static func chirpFile() throws -> (path: String, samples: [Int16]) {
        let samples = (0..<8000).map { index -> Int16 in
            let time = Double(index) / 8000
            return Int16((sin(2 * .pi * (300 * time + 1350 * time * time)) * 9000).rounded())
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chirp-\(UUID().uuidString).wav").path
        try Data(WAVFile.bytes(of: samples + [Int16](repeating: 0, count: 20_000))).write(to: URL(fileURLWithPath: path))
        return (path, samples)
    }

    @Test func echoSendsTheCallerBackWhatItSaid() async throws {
        let chirp = try Self.chirpFile()
        defer { try? FileManager.default.removeItem(atPath: chirp.path) }
        try await VoiceFixture.with(audio: MediaStreamAudio(source: .wavFile(path: chirp.path))) { fixture in
            let result = await fixture.run("twilio/v1/makeCall", [
                "To": .string(Self.handset), "From": .string(Self.sender), "subWorkflow": "echo", "timeout": 30, "maxDuration": 1,
            ])
            #expect(result["success"] == true, "\(result)")
            #expect(result["status"] == "completed")
            #expect(result["direction"] == "outbound-api")
            #expect(result["subWorkflow"] == "echo")
            guard case .number(let duration)? = result["duration"], case .string(let sid)? = result["callSid"] else {
                Issue.record("no duration or callSid: \(result)")
                return
            }
            #expect(duration >= 1)
            guard case .object(let workflow)? = result["result"], case .number(let echoed)? = workflow["echoedSeconds"] else {
                Issue.record("no workflow result: \(result)")
                return
            }
            #expect(abs(echoed - 3.5) < 0.05, "the workflow heard the whole call, the chirp and the silence: \(echoed)")
            try await Self.expectCallerHeard(chirp.samples, call: sid, fixture)
        }
    }

    /// What the caller of `call` heard is `said`, by cross-correlation (an unrelated signal of the
    /// same loudness does not correlate).
    static func expectCallerHeard(_ said: [Int16], call sid: String, _ fixture: VoiceFixture) async throws {
        let heard = try await fixture.streamedAudio(of: sid)
        #expect(heard.count >= said.count * 7 / 8, "heard \(heard.count) samples")
        let peak = Correlation.peak(said, in: heard, lags: -400...400)
        #expect(peak.value > 0.95, "correlation \(peak.value) at lag \(peak.lag)")
        let noise = (0..<said.count).map { Int16(truncatingIfNeeded: ($0 &* 1_103_515_245 &+ 12345) >> 16) / 4 }
        #expect(Correlation.peak(noise, in: heard, lags: -400...400).value < 0.3)
    }

    @Test func bridgeRelaysBothWaysToAnUnmodifiedMediaStreamsAgent() async throws {
        let chirp = try Self.chirpFile()
        defer { try? FileManager.default.removeItem(atPath: chirp.path) }
        let agent = try await EchoAgent.start()
        let workflows: JSONValue = ["agent": ["kind": "bridge", "settings": ["url": .string(agent.url), "parameters": ["tenant": "acme"]]]]
        try await VoiceFixture.with(audio: MediaStreamAudio(source: .wavFile(path: chirp.path)), workflows: workflows) { fixture in
            let result = await fixture.run("makeCall", [
                "To": .string(Self.handset), "From": .string(Self.sender), "subWorkflow": "agent", "maxDuration": 1,
            ])
            #expect(result["success"] == true, "\(result)")
            #expect(result["status"] == "completed", "\(result)")
            #expect(agent.events == ["connected", "start", "media", "stop"], "\(agent.events)")
            #expect(agent.parameters["tenant"] == "acme")
            #expect(agent.parameters["From"] == Self.sender)
            guard case .string(let sid)? = result["callSid"] else {
                Issue.record("no callSid: \(result)")
                return
            }
            // The caller's chirp went to the agent, and the agent's answer (the same chirp) to the caller.
            try await Self.expectCallerHeard(chirp.samples, call: sid, fixture)
        }
        await agent.stop()
    }

    @Test(arguments: [("+15005550012", "busy"), ("+15005550013", "no-answer"), ("+15005550014", "failed")])
    func unansweredCallsComeBackWithTheirStatus(_ to: String, _ status: String) async throws {
        try await VoiceFixture.with { fixture in
            let result = await fixture.run("makeCall", ["To": .string(to), "From": .string(Self.sender), "subWorkflow": "echo", "timeout": 5])
            #expect(result["success"] == true, "\(result)")
            #expect(result["status"] == .string(status), "\(result)")
            #expect(result["result"] == .null, "no stream ran")
            #expect(result["duration"] == 0)
        }
    }

    @Test func maxDurationHangsUpAndReportsTimeout() async throws {
        try await VoiceFixture.with(audio: MediaStreamAudio(source: .tone(frequency: 440), seconds: 60)) { fixture in
            let started = ContinuousClock.now
            let result = await fixture.run("makeCall", ["To": .string(Self.handset), "From": .string(Self.sender), "subWorkflow": "echo",
                                                        "maxDuration": 0.05])
            #expect(ContinuousClock.now - started < .seconds(20))
            #expect(result["success"] == true, "\(result)")
            #expect(result["status"] == "timeout", "\(result)")
            #expect(result["callStatus"] == "completed", "the call was hung up: \(result)")
            guard case .string(let sid)? = result["callSid"] else { return }
            let call = try await fixture.client.calls.fetch(sid)
            #expect(call.status == .completed)
            guard case .object(let workflow)? = result["result"] else {
                Issue.record("the workflow's result is missing: \(result)")
                return
            }
            #expect(workflow["echoedSeconds"] != nil)
        }
    }

    @Test func stoppingTheConnectorEndsItsStreamsAtOnce() async throws {
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let hold = ClosureWorkflow { call in
            startedContinuation.yield()
            for await _ in call.events {}
            return [:]
        }
        try await VoiceFixture.with(audio: MediaStreamAudio(source: .tone(frequency: 440), seconds: 60), extra: ["hold": hold]) { fixture in
            let call = Task {
                await fixture.run("makeCall", ["To": .string(Self.handset), "From": .string(Self.sender), "subWorkflow": "hold", "maxDuration": 1])
            }
            var iterator = started.makeAsyncIterator()
            _ = await iterator.next()
            let stopping = ContinuousClock.now
            await fixture.routes.stop()
            #expect(ContinuousClock.now - stopping < .milliseconds(1500),
                    "the open stream was closed at once, not left to the shutdown's grace (3 s)")
            call.cancel()
            _ = await call.value
        }
    }

    @Test func anUnknownWorkflowIsRefusedBeforeAnythingIsDialled() async throws {
        try await VoiceFixture.with { fixture in
            let before = try await fixture.calls().count
            let result = await fixture.run("makeCall", ["To": .string(Self.handset), "From": .string(Self.sender), "subWorkflow": "greeter"])
            #expect(result["success"] == false)
            let error = result["error"]?.scalarText ?? ""
            #expect(error.contains("subWorkflow names no real-time workflow; the workflows are echo, menu, play, record"), "\(error)")
            #expect(error.contains("'greeter'"))
            #expect(try await fixture.calls().count == before, "nothing was dialled")
        }
    }

    @Test func withoutAPublicURLNothingIsDialled() async throws {
        try await VoiceFixture.with(publicURL: { _ in nil }) { fixture in
            let result = await fixture.run("makeCall", ["To": .string(Self.handset), "From": .string(Self.sender), "subWorkflow": "echo"])
            #expect(result["success"] == false)
            #expect(result["error"]?.scalarText?.contains("--public-url") == true, "\(result)")
            let calls = try await fixture.calls()
            #expect(calls.isEmpty)
        }
    }

    @Test func subWorkflowExcludesTheOtherInstructions() async throws {
        try await VoiceFixture.with { fixture in
            let both = await fixture.run("makeCall", ["To": .string(Self.handset), "From": .string(Self.sender), "subWorkflow": "echo", "Say": "Hi"])
            #expect(both["success"] == false)
            #expect(both["error"]?.scalarText?.contains("subWorkflow, Say, Twiml, Url, ApplicationSid") == true, "\(both)")
            let orphan = await fixture.run("makeCall", ["To": .string(Self.handset), "From": .string(Self.sender), "Say": "Hi", "maxDuration": 1])
            #expect(orphan["success"] == false, "maxDuration needs subWorkflow")
        }
    }

    @Test func theCallPlacedStreamsToTheWorkflowWithItsParameters() async throws {
        try await VoiceFixture.with { fixture in
            let plan = try await fixture.voice.prepareCall(workflow: "echo", from: Self.sender, to: Self.handset, client: fixture.client)
            await fixture.voice.abandon(plan)
            let response = try VoiceResponse(xml: plan.twiml)
            guard case .connect(let connect)? = response.verbs.first, case .stream(let stream)? = connect.nouns.first else {
                Issue.record("not <Connect><Stream>: \(plan.twiml)")
                return
            }
            #expect(stream.url == fixture.routes.url.replacingOccurrences(of: "http://", with: "ws://") + "/streams/echo")
            #expect(!stream.url.contains("?"), "parameters go in <Parameter>, never in the query")
            let parameters = Dictionary(uniqueKeysWithValues: stream.parameters.map { ($0.name, $0.value) })
            #expect(parameters["From"] == Self.sender && parameters["To"] == Self.handset && parameters["StreamToken"]?.count == 64)
            #expect(plan.statusCallback == fixture.routes.url + "/webhooks/twilio/callStatus")
        }
    }

    /// The caller talks for three seconds: the echo's first 7 000 samples come back before the
    /// hang-up even when a loaded machine delays the reply by two seconds.
    @Test func aHandsetCallingANumberReachesTheWorkflow() async throws {
        try await VoiceFixture.with(audio: MediaStreamAudio(source: .speechLike, seconds: 3)) { fixture in
            try await fixture.pointNumber(Self.sender, at: "echo")
            let answer = try await fixture.sandboxRequest(.post, "/sandbox/handsets/\(Self.handset)/calls", form: [("To", Self.sender)])
            #expect(answer.status == 201)
            let call = try JSONDecoder().decode(JSONValue.self, from: Data(answer.body))
            guard case .object(let fields) = call, case .object(let record)? = fields["call"], case .string(let sid)? = record["sid"] else {
                Issue.record("no call: \(call)")
                return
            }
            _ = try await eventually(timeout: .seconds(20), "the call to complete", { try await fixture.client.calls.fetch(sid).status }) { $0 == .completed }
            let heard = try await eventually(timeout: .seconds(5), "the echo", { try await fixture.streamedAudio(of: sid) }) { $0.count >= 7000 }
            #expect(heard.count >= 7000, "the workflow echoed what the caller said")
            let trigger = try #require(TriggerCatalogue.trigger(named: "inboundCall"))
            let page = try await TriggerEventReader(store: fixture.store).page(trigger, after: EventCursor(sequence: 0), limit: 10)
            guard case .object(let event)? = page.events.first?.data else {
                Issue.record("no inboundCall event")
                return
            }
            #expect(event["callSid"] == .string(sid))
            #expect(event["from"] == .string(Self.handset))
            #expect(event["to"] == .string(Self.sender))
            #expect(event["direction"] == "inbound")
        }
    }
}
