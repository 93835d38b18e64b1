@testable import ConnectorVoice
import Testing

/// The outbound playout's pace, with the time passed in.
@Suite("Outbound audio: framing and pacing")
struct OutboundPlayoutTests {
    /// Everything `playout` hands out at `now`, until it waits or idles.
    private func drain(_ playout: inout OutboundPlayout, at now: Duration) -> (sent: [OutboundPlayout.Next], then: OutboundPlayout.Next) {
        var sent: [OutboundPlayout.Next] = []
        while true {
            let next = playout.next(at: now)
            switch next {
            case .audio, .mark: sent.append(next)
            case .wait, .idle: return (sent, next)
            }
        }
    }

    @Test func audioGoesOutIn20msFramesAtMostTheLeadAhead() {
        var playout = OutboundPlayout(lead: .milliseconds(100))
        playout.enqueue(audio: [UInt8](repeating: 1, count: 8000))
        let first = drain(&playout, at: .zero)
        #expect(first.sent.count == 5, "100 ms of lead is five 20 ms frames")
        #expect(first.sent.allSatisfy { if case .audio(let frame) = $0 { frame.count == 160 } else { false } })
        #expect(first.then == .wait(until: .milliseconds(20)), "the next frame is due once the first has played")
        #expect(drain(&playout, at: .milliseconds(10)).sent.isEmpty, "still 90 ms ahead")
        #expect(drain(&playout, at: .milliseconds(20)).sent.count == 1)
        // After a late wake-up (Twilio ran dry), the lead is filled again at once.
        #expect(drain(&playout, at: .milliseconds(200)).sent.count == 5)
    }

    @Test func aMarkFollowsTheAudioQueuedBeforeIt() {
        var playout = OutboundPlayout(lead: .seconds(1))
        playout.enqueue(audio: [UInt8](repeating: 1, count: 200))
        playout.enqueue(mark: "a")
        playout.enqueue(audio: [UInt8](repeating: 2, count: 100))
        playout.enqueue(mark: "b")
        let sent = drain(&playout, at: .zero).sent
        #expect(sent.map(Self.describe) == ["audio 160", "audio 40", "mark a", "audio 100", "mark b"])
        #expect(playout.isEmpty)
    }

    @Test func aMarkWithNoAudioBeforeItGoesAtOnce() {
        var playout = OutboundPlayout(lead: .milliseconds(20))
        playout.enqueue(mark: "alone")
        #expect(playout.next(at: .zero) == .mark("alone"))
        #expect(playout.next(at: .zero) == .idle)
    }

    @Test func clearDropsUnsentAudioAndMarks() {
        var playout = OutboundPlayout(lead: .milliseconds(40))
        playout.enqueue(audio: [UInt8](repeating: 1, count: 1600))
        playout.enqueue(mark: "end")
        _ = drain(&playout, at: .zero)
        #expect(playout.clear() == ["end"])
        #expect(playout.isEmpty)
        #expect(playout.next(at: .seconds(1)) == .idle)
        playout.enqueue(audio: [1, 2, 3])
        #expect(playout.next(at: .seconds(1)) == .audio([1, 2, 3]))
    }

    @Test func theBufferDoesNotGrowWithTheCall() {
        var playout = OutboundPlayout(lead: .milliseconds(20))
        var now = Duration.zero
        for _ in 0..<10_000 {
            playout.enqueue(audio: [UInt8](repeating: 1, count: 160))
            now += .milliseconds(20)
            #expect(drain(&playout, at: now).sent.count == 1)
        }
        #expect(playout.isEmpty)
    }

    private static func describe(_ next: OutboundPlayout.Next) -> String {
        switch next {
        case .audio(let frame): "audio \(frame.count)"
        case .mark(let name): "mark \(name)"
        case .wait: "wait"
        case .idle: "idle"
        }
    }
}
