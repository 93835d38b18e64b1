import Synchronization
import TwilioKit

/// `bridge`: connects the call to an external WebSocket that speaks Twilio's Media Streams
/// protocol — a voice agent written for Twilio, unmodified — and relays both ways. The agent gets
/// `connected`, `start` (with the call's custom parameters and the bridge's `parameters`), the
/// caller's `media` and `dtmf`, its own marks echoed, and `stop`; its `media`, `mark` and `clear`
/// go to the caller through the connector, which paces the audio, keeps the marks (echoed to the
/// agent once the caller heard the audio, or on a clear), and the call. The bridge ends when
/// either side does; the agent may add to the result with `{"event": "result", "result": {…}}`.
public struct BridgeWorkflow: RealtimeWorkflow {
    let url: String
    let headers: [String: String]
    let parameters: [String: String]
    let dialer: any MediaStreamDialer

    /// Bridges calls to the agent at `url` (`ws://` or `wss://`), sending `headers` with the
    /// upgrade and `parameters` as custom parameters in `start`.
    public init(url: String, headers: [String: String] = [:], parameters: [String: String] = [:], dialer: any MediaStreamDialer) {
        self.url = url
        self.headers = headers
        self.parameters = parameters
        self.dialer = dialer
    }

    public func run(_ call: RealtimeCall) async throws -> [String: JSONValue] {
        let tally = BridgeTally()
        let parameters = call.start.customParameters.merging(self.parameters) { $1 }
        try await dialer.connect(to: url, headers: headers) { connection in
            await Self.relay(call, connection, parameters: parameters, tally: tally)
        }
        return tally.result
    }

    /// Relays until the caller or the agent is gone.
    private static func relay(_ call: RealtimeCall, _ connection: MediaStreamConnection, parameters: [String: String], tally: BridgeTally) async {
        let agent = connection.sender
        let start = call.start
        let opening: [MediaStreamInboundMessage] = [
            .connected(.init()),
            .start(.init(sequenceNumber: "1", streamSid: start.streamSid, start: .init(
                accountSid: start.accountSid, callSid: start.callSid, streamSid: start.streamSid, tracks: ["inbound"],
                customParameters: parameters))),
        ]
        do {
            for message in opening { try await agent.send(MediaStreamJSON.text(message)) }
        } catch {
            tally.end("agent")
            return
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await toAgent(call, agent, tally: tally) }
            await fromAgent(connection.frames, call, tally: tally)
            group.cancelAll()
        }
    }

    /// The caller's side to the agent: audio, keys, marks echoed; `stop` when the call's stream ends.
    private static func toAgent(_ call: RealtimeCall, _ agent: any MediaStreamSender, tally: BridgeTally) async {
        let sid = call.start.streamSid
        var sequence = 1
        var chunk = 0
        func next() -> String {
            sequence += 1
            return String(sequence)
        }
        do {
            for await event in call.events {
                let text: String
                switch event {
                case .audio(let audio):
                    chunk += 1
                    sequence += 1
                    text = audio.muLaw.withUnsafeBufferPointer {
                        MediaStreamWire.inboundMedia(streamSid: sid, sequenceNumber: sequence, chunk: chunk,
                                                     timestampMilliseconds: audio.timestampMilliseconds, muLaw: $0)
                    }
                    tally.count(toAgent: 1)
                case .digit(let digit):
                    text = MediaStreamJSON.text(MediaStreamInboundMessage.dtmf(.init(sequenceNumber: next(), streamSid: sid, dtmf: .init(digit: digit))))
                case .markPlayed(let name), .markCleared(let name):
                    text = MediaStreamJSON.text(MediaStreamInboundMessage.mark(.init(sequenceNumber: next(), streamSid: sid, mark: .init(name: name))))
                    tally.countMark()
                }
                try await agent.send(text)
            }
            tally.end("caller")
            let stop = MediaStreamInboundMessage.stop(.init(sequenceNumber: next(), streamSid: sid,
                                                            stop: .init(accountSid: call.start.accountSid, callSid: call.start.callSid)))
            try await agent.send(MediaStreamJSON.text(stop))
        } catch {
            tally.end("agent")
        }
        await agent.close(.normal)
    }

    /// The agent's side to the caller: audio, marks and clears, until the agent closes.
    private static func fromAgent(_ frames: any AsyncSequence<MediaStreamFrame, any Error>, _ call: RealtimeCall, tally: BridgeTally) async {
        var audio: [UInt8] = []
        do {
            for try await frame in frames {
                guard case .text(let text) = frame else {
                    tally.reject("a binary frame")
                    continue
                }
                audio.removeAll(keepingCapacity: true)
                switch MediaStreamWire.readMedia(text, expectedStreamSid: call.start.streamSid, appendingTo: &audio) {
                case .media(streamSidMatches: true):
                    call.play(muLaw: audio)
                    tally.count(fromAgent: 1)
                case .media(streamSidMatches: false):
                    tally.reject("a media message for another stream")
                case .malformed(let reason):
                    tally.reject(reason)
                case .other:
                    handle(text, call, tally: tally)
                }
            }
        } catch {
            call.logger.debug("The bridged agent's connection failed: \(error)")
        }
        tally.end("agent")
    }

    /// The agent's other messages: `mark`, `clear`, `media` with JSON escapes, and `result`.
    private static func handle(_ text: String, _ call: RealtimeCall, tally: BridgeTally) {
        if let result = MediaStreamJSON.decode(AgentResult.self, from: text), result.event == "result" {
            tally.merge(result.result)
            return
        }
        switch MediaStreamJSON.decode(MediaStreamOutboundMessage.self, from: text) {
        case .media(let media)?:
            guard media.streamSid == call.start.streamSid, let bytes = media.media.audioBytes else { return tally.reject("an unreadable media message") }
            call.play(muLaw: bytes)
            tally.count(fromAgent: 1)
        case .mark(let mark)?:
            call.queueMark(mark.mark.name)
        case .clear?:
            call.clear()
        case .unknown?, nil:
            tally.reject("a message that is not a Media Streams message")
        }
    }

    /// The agent's `result` message, an extension of the protocol.
    private struct AgentResult: Decodable {
        let event: String
        let result: [String: JSONValue]
    }
}

/// What a bridge relayed, for its result.
final class BridgeTally: Sendable {
    private struct Counts {
        var toAgent = 0
        var fromAgent = 0
        var marks = 0
        var rejected: [String] = []
        var endedBy: String?
        var agentResult: [String: JSONValue] = [:]
    }

    private let counts = Mutex(Counts())

    func count(toAgent: Int = 0, fromAgent: Int = 0) {
        counts.withLock {
            $0.toAgent += toAgent
            $0.fromAgent += fromAgent
        }
    }

    func countMark() {
        counts.withLock { $0.marks += 1 }
    }

    /// Notes a message of the agent's that was not relayed (the first few reasons are kept).
    func reject(_ reason: String) {
        counts.withLock { if $0.rejected.count < 5 { $0.rejected.append(reason) } }
    }

    /// Notes which side ended the bridge first.
    func end(_ side: String) {
        counts.withLock { if $0.endedBy == nil { $0.endedBy = side } }
    }

    func merge(_ result: [String: JSONValue]) {
        counts.withLock { $0.agentResult.merge(result) { $1 } }
    }

    var result: [String: JSONValue] {
        counts.withLock { counts in
            var result = counts.agentResult
            result["framesToAgent"] = .number(Double(counts.toAgent))
            result["framesFromAgent"] = .number(Double(counts.fromAgent))
            result["marksEchoed"] = .number(Double(counts.marks))
            result["endedBy"] = .string(counts.endedBy ?? "caller")
            if !counts.rejected.isEmpty { result["rejected"] = .array(counts.rejected.map(JSONValue.string)) }
            return result
        }
    }
}
