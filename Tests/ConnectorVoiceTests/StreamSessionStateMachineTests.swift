@testable import ConnectorVoice
import Testing
import TwilioKit

/// The stream's life as a type: each message's transition and what the session does.
@Suite("The stream session's state machine")
struct StreamSessionStateMachineTests {
    private let sid = "MZ" + String(repeating: "1", count: 32)

    private func start(format: MediaStreamInboundMessage.Start.MediaFormat = .init(), parameters: [String: String] = [:]) -> MediaStreamInboundMessage {
        .start(.init(sequenceNumber: "1", streamSid: sid, start: .init(accountSid: "AC1", callSid: "CA1", streamSid: sid, tracks: ["inbound"],
                                                                       customParameters: parameters, mediaFormat: format)))
    }

    @Test func aStreamStartsWorksAndStops() {
        var machine = StreamSessionStateMachine()
        #expect(machine.receive(.connected(.init())) == .none)
        #expect(machine.state == .awaitingStart(connected: true))
        let started = machine.receive(start(parameters: ["StreamToken": "t", "From": "+1", "To": "+2", "Direction": "inbound", "Topic": "billing"]))
        #expect(started == .startWorkflow(CallStart(callSid: "CA1", streamSid: sid, accountSid: "AC1", from: "+1", to: "+2", direction: "inbound",
                                                    customParameters: ["From": "+1", "To": "+2", "Direction": "inbound", "Topic": "billing"]),
                                          token: "t"))
        #expect(machine.receiveMedia(streamSidMatches: true) == .deliverAudio)
        #expect(machine.receive(.dtmf(.init(sequenceNumber: "3", streamSid: sid, dtmf: .init(digit: "7")))) == .deliver(.digit("7")))
        #expect(machine.receive(.mark(.init(sequenceNumber: "4", streamSid: sid, mark: .init(name: "m")))) == .markEchoed("m"))
        #expect(machine.receive(.stop(.init(sequenceNumber: "5", streamSid: sid, stop: .init(accountSid: "AC1", callSid: "CA1")))) == .end(.stopped))
        #expect(machine.receiveMedia(streamSidMatches: true) == .none, "nothing after the end")
        #expect(machine.connectionClosed() == .none, "the end is told once")
    }

    @Test func protocolErrorsEndTheStream() {
        var early = StreamSessionStateMachine()
        #expect(early.receiveMedia(streamSidMatches: true) == .end(.protocolError("a media message came before start")))
        var wrongStream = StreamSessionStateMachine()
        _ = wrongStream.receive(start())
        #expect(wrongStream.receiveMedia(streamSidMatches: false) == .end(.protocolError("a media message names another stream")))
        var twice = StreamSessionStateMachine()
        _ = twice.receive(start())
        #expect(twice.receive(start()) == .end(.protocolError("a second start message came")))
        var wideband = StreamSessionStateMachine()
        guard case .end(.protocolError(let reason)) = wideband.receive(start(format: .init(encoding: "audio/x-mulaw", sampleRate: 16000))) else {
            Issue.record("16 kHz was accepted")
            return
        }
        #expect(reason.contains("16000 Hz"))
    }

    @Test func aFinishedWorkflowDrainsThenCloses() {
        var machine = StreamSessionStateMachine()
        _ = machine.receive(start())
        let finished = machine.workflowFinished()
        #expect(finished)
        #expect(machine.state == .draining(streamSid: sid))
        #expect(machine.receive(.dtmf(.init(sequenceNumber: "2", streamSid: sid, dtmf: .init(digit: "1")))) == .none, "no one listens any more")
        #expect(machine.receive(.mark(.init(sequenceNumber: "3", streamSid: sid, mark: .init(name: "end")))) == .markEchoed("end"))
        #expect(machine.drained() == .end(.workflowFinished))
        let finishedAgain = machine.workflowFinished()
        #expect(!finishedAgain, "only once")
    }

    @Test func aRefusedTokenEndsTheStream() {
        var machine = StreamSessionStateMachine()
        _ = machine.receive(start())
        #expect(machine.refuse("no") == .end(.refused("no")))
        #expect(machine.isEnded)
    }
}
