import Foundation
import NIOWebSocket
import Testing
import TwilioKit
@testable import TwilioSandbox

/// The sandbox's side of a Media Stream without a socket or a clock: the playout, the key
/// presses, the checks on the application's messages and on `<Stream>`, and the stream's
/// lifecycle — time is the frame count each test gives.
@Suite("Media Streams protocol, frame by frame")
struct MediaStreamProtocolTests {
    static let streamSID = "MZ" + String(repeating: "0", count: 32)

    // MARK: Playout

    @Test func aMarkComesBackOnlyOnceTheAudioBeforeItHasPlayedOut() {
        var playout = MediaStreamPlayout()
        let accepted = playout.enqueue(audio: Array(repeating: 0x7F, count: 800))  // 100 ms: 5 frames
        #expect(accepted)
        #expect(playout.enqueue(mark: "first").isEmpty)
        let reached = (1...6).map { _ in playout.tick() }
        #expect(reached == [[], [], [], [], [], ["first"]],
                "the first frame starts at the first tick; the fifth has played at the sixth")
        #expect(playout.playedBytes == 800)
    }

    @Test func aMarkWithNothingQueuedComesBackAtOnceButWaitsForTheFramePlaying() {
        var playout = MediaStreamPlayout()
        #expect(playout.enqueue(mark: "idle") == ["idle"])
        _ = playout.enqueue(audio: Array(repeating: 1, count: 160))
        #expect(playout.tick().isEmpty, "the frame starts")
        #expect(playout.enqueue(mark: "behind-the-frame").isEmpty, "the frame is still playing")
        #expect(playout.tick() == ["behind-the-frame"])
        #expect(playout.enqueue(mark: "idle-again") == ["idle-again"])
    }

    @Test func framesRunAcrossMarksAndTheMarksComeBackInOrder() {
        var playout = MediaStreamPlayout()
        _ = playout.enqueue(audio: Array(repeating: 1, count: 100))
        _ = playout.enqueue(mark: "a")
        _ = playout.enqueue(audio: Array(repeating: 2, count: 100))
        _ = playout.enqueue(mark: "b")
        _ = playout.enqueue(mark: "c")
        #expect(playout.tick().isEmpty, "one frame: 100 bytes, mark a, 60 bytes")
        #expect(playout.tick() == ["a"], "the frame has played: a is reached; 40 bytes start")
        #expect(playout.tick() == ["b", "c"])
        #expect(playout.playedBytes == 200)
    }

    @Test func clearDropsTheQueueAndGivesBackEveryPendingMarkThenPlaysWhatFollows() {
        var playout = MediaStreamPlayout()
        _ = playout.enqueue(audio: Array(repeating: 1, count: 200))
        _ = playout.enqueue(mark: "mid")
        _ = playout.enqueue(audio: Array(repeating: 2, count: 8000))
        _ = playout.enqueue(mark: "end")
        #expect(playout.tick().isEmpty)
        #expect(playout.tick().isEmpty, "40 bytes, mark mid, 120 bytes: mid waits for the frame")
        #expect(playout.clear() == ["mid", "end"], "every pending mark, in order, at once")
        #expect(playout.playedBytes + playout.clearedBytes == 8200)
        #expect(playout.queuedBytes == 0)
        #expect(playout.enqueue(mark: "nothing-queued") == ["nothing-queued"], "the buffer is empty")
        _ = playout.enqueue(audio: Array(repeating: 3, count: 320))
        _ = playout.enqueue(mark: "after-clear")
        #expect([playout.tick(), playout.tick(), playout.tick()] == [[], [], ["after-clear"]], "audio after clear plays normally")
    }

    @Test func moreThanTenMinutesOfQueuedAudioIsDiscarded() {
        var playout = MediaStreamPlayout()
        let full = playout.enqueue(audio: Array(repeating: 1, count: MediaStreamPlayout.capacity))
        let overflowing = playout.enqueue(audio: [1, 2, 3])
        #expect(full && !overflowing)
        #expect(playout.discardedBytes == 3)
        _ = playout.tick()
        let roomAgain = playout.enqueue(audio: Array(repeating: 1, count: 160))
        #expect(roomAgain, "room again once a frame has played")
    }

    // MARK: Key presses

    @Test func queuedDigitsAreSpreadAndLiveOnesFollowHalfASecondApart() {
        var schedule = KeyPressSchedule(queued: "12", frameCount: 1000)
        #expect(schedule.take(at: 25) == "1")
        #expect(schedule.take(at: 50) == "2")
        schedule.press("34", after: 50)
        #expect(schedule.take(at: 75) == "3", "never closer than half a second to the key before")
        #expect(schedule.take(at: 100) == "4")
        schedule.press("#", after: 400)
        #expect(schedule.take(at: 401) == "#", "a key pressed on a quiet line comes with the next frame")

        var short = KeyPressSchedule(queued: "123", frameCount: 50)
        #expect([12, 24, 36].map { short.take(at: $0) } == ["1", "2", "3"], "closer together in short audio")
    }

    // MARK: The application's messages

    private static func json(_ object: [String: Any]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data(), as: UTF8.self)
    }

    private static func media(_ payload: String, extra: [String: Any] = [:]) -> String {
        json(["event": "media", "streamSid": streamSID, "media": ["payload": payload].merging(extra) { $1 }])
    }

    private static func code(of text: String) -> Int? {
        do {
            _ = try ApplicationMessage(text: text, streamSID: streamSID)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func theApplicationsMessagesAreReadAsTwilioReadsThem() throws {
        let audio: [UInt8] = [0xFF, 0xFB, 0x90, 0x7F]  // µ-law that looks like an MP3 frame sync: still audio
        let media = try ApplicationMessage(text: Self.media(Data(audio).base64EncodedString()), streamSID: Self.streamSID)
        #expect(media.instruction == .play(audio))
        #expect(media.extraFields.isEmpty)
        let mark = try ApplicationMessage(text: Self.json(["event": "mark", "streamSid": Self.streamSID, "mark": ["name": "m"]]),
                                          streamSID: Self.streamSID)
        #expect(mark.instruction == .mark("m"))
        let clear = try ApplicationMessage(text: Self.json(["event": "clear", "streamSid": Self.streamSID]), streamSID: Self.streamSID)
        #expect(clear.instruction == .clear)
        let extra = try ApplicationMessage(text: Self.media("AAAA", extra: ["track": "outbound"]), streamSID: Self.streamSID)
        #expect(extra.extraFields == ["media.track"], "acted on, with a 31951 warning")
    }

    @Test(arguments: [
        ("not json", 31951),
        (#"{"event":"dance","streamSid":"MZ00000000000000000000000000000000"}"#, 31951),
        (#"{"event":"media","streamSid":"MZ00000000000000000000000000000000","media":{}}"#, 31951),
        (#"{"event":"media","streamSid":"MZ00000000000000000000000000000000"}"#, 31951),
        (#"{"event":"mark","streamSid":"MZ00000000000000000000000000000000","mark":{"label":"x"}}"#, 31951),
        (#"{"event":"clear","streamSid":"MZ11111111111111111111111111111111"}"#, 31951),
        (#"{"event":"clear"}"#, 31951),
        (#"{"event":"media","streamSid":"MZ00000000000000000000000000000000","media":{"payload":7}}"#, 31951),
        (#"{"event":"media","streamSid":"MZ00000000000000000000000000000000","media":{"payload":"not base64!"}}"#, 31924),
    ])
    func messagesTwilioRefusesGetItsCode(text: String, code: Int) {
        #expect(Self.code(of: text) == code)
    }

    @Test func audioFilesAreNotMuLawPayloads() {
        let wav = WAVEncoder.tone(seconds: 1, channels: 1)
        let files: [[UInt8]] = [
            wav, Array("ID3".utf8) + [3, 0, 0, 0, 0, 0], Array("OggS".utf8) + [0, 2], Array("fLaC".utf8) + [0, 0, 0, 34],
            Array("FORM".utf8) + [0, 0, 0, 0] + Array("AIFF".utf8), Array(".snd".utf8) + [0, 0, 0, 24],
        ]
        for file in files {
            #expect(Self.code(of: Self.media(Data(file).base64EncodedString())) == 31924, "\(file.prefix(4))")
        }
        #expect(AudioFileSignature(of: wav) == .wav)
        #expect(AudioFileSignature(of: Array(repeating: 0xFF, count: 160)) == nil)
    }

    // MARK: <Stream> before connecting

    @Test func theStreamURLIsCheckedAndItsQueryStringDropped() throws {
        let target = try MediaStreamTarget(.init(url: "wss://app.example.com/stream?token=abc&x=1",
                                                 parameters: [.init(name: "customer", value: "42")]))
        #expect(target.url == "wss://app.example.com/stream")
        #expect(target.droppedQuery == "token=abc&x=1")
        #expect(target.customParameters == ["customer": "42"])
        #expect(try MediaStreamTarget(.init(url: "ws://127.0.0.1:8080/s")).droppedQuery == nil, "ws:// for local servers")
        #expect(try MediaStreamTarget(.init(url: "wss://h/s?")).url == "wss://h/s")

        func code(_ stream: TwiML.Stream) -> Int? {
            do {
                _ = try MediaStreamTarget(stream)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(.init(url: "https://app.example.com/stream")) == 31922)
        #expect(code(.init(url: "/stream")) == 31923)
        #expect(code(.init(url: "wss:/no-host")) == 31923)
        #expect(code(.init(url: "wss://h/s", track: .bothTracks)) == 31941)
    }

    @Test func parametersOf500CharactersOrMoreAreLeftOut() throws {
        let name = "long"
        let fits = String(repeating: "v", count: 499 - name.count)
        let target = try MediaStreamTarget(.init(url: "wss://h/s", parameters: [
            .init(name: "fits", value: String(repeating: "v", count: 495)), .init(name: name, value: fits + "v"),
        ]))
        #expect(target.customParameters == ["fits": String(repeating: "v", count: 495)])
        #expect(target.warnings.map(\.code) == [12200])
        #expect(target.warnings.first?.level == .warning)
    }

    // MARK: The lifecycle

    private static func lifecycle(seconds: Double = 60, timeLimit: Double = 14_400, digits: String = "") throws -> MediaStreamLifecycle {
        let audio = try CallerAudio(MediaStreamAudio(source: .tone(frequency: 440), seconds: seconds), maximumSeconds: timeLimit)
        var lifecycle = MediaStreamLifecycle(MediaStreamConversation(
            streamSID: streamSID, call: .live(), customParameters: ["a": "1"], audio: audio, digits: digits))
        _ = lifecycle.opening()
        return lifecycle
    }

    private static func sent(_ action: MediaStreamLifecycle.Action) -> [MediaStreamInboundMessage] {
        switch action {
        case .send(let messages), .close(let messages, _, _): messages
        case .none, .finish: []
        }
    }

    @Test func framesKeysAndMarksGoOutInOrderWithConsecutiveSequenceNumbers() throws {
        var lifecycle = try Self.lifecycle()
        _ = lifecycle.handle(.text(Self.media(Data(Array(repeating: 0x7F, count: 320)).base64EncodedString())))
        #expect(lifecycle.handle(.text(Self.json(["event": "mark", "streamSid": Self.streamSID, "mark": ["name": "said"]]))) == .send([]))
        #expect(lifecycle.handle(.keyPresses("5#")) == .none)
        let messages = Self.sent(lifecycle.handle(.framesDue(30)))
        #expect(messages.map(\.sequenceNumber) == (2..<2 + messages.count).map { $0 }, "on from start's 1")
        let events = messages.map { message -> String in
            switch message {
            case .dtmf(let dtmf): "dtmf:\(dtmf.dtmf.digit):\(dtmf.dtmf.track)"
            case .mark(let mark): "mark:\(mark.mark.name)"
            case .media(let media): "media:\(media.media.chunk)"
            default: message.event
            }
        }
        #expect(Array(events.prefix(5)) == ["media:1", "dtmf:5:inbound_track", "media:2", "media:3", "mark:said"],
                "the key with the next frame; the mark once two frames have played")
        #expect(events.firstIndex(of: "dtmf:#:inbound_track") == events.firstIndex(of: "media:26").map { $0 + 1 })
        #expect(lifecycle.state == .streaming)
    }

    @Test func aPayloadThatIsNotAudioEndsTheStreamWith31924AndNoStop() throws {
        var lifecycle = try Self.lifecycle()
        _ = lifecycle.handle(.framesDue(3))
        guard case .close(let messages, let code, let reason) = lifecycle.handle(.text(Self.media("%%%"))) else {
            Issue.record("the stream goes on")
            return
        }
        #expect(messages.isEmpty, "no stop: the stream failed")
        #expect(code == .protocolError)
        #expect(reason?.hasPrefix("31924 Stream - Websocket - Protocol Error") == true)
        #expect((reason?.utf8.count ?? 0) <= 123)
        #expect(lifecycle.state == .closing(.protocolError))
        #expect(lifecycle.handle(.framesDue(10)) == .none, "no more frames")
        #expect(lifecycle.handle(.hangUp) == .none)
        _ = lifecycle.handle(.text(Self.media("AAAA")))
        #expect(lifecycle.conversation.report.audio == [0, 0, 0], "audio still collected while closing")
        #expect(lifecycle.handle(.connectionClosed) == .finish(.protocolError))
        #expect(lifecycle.conversation.report.failure?.code == 31924)
        #expect(lifecycle.handle(.text("late")) == .none)
    }

    @Test func warningsLeaveTheStreamRunningAndAreReportedOncePerCode() throws {
        var lifecycle = try Self.lifecycle()
        #expect(lifecycle.handle(.text("nope")) == .send([]))
        #expect(lifecycle.handle(.text(#"{"event":"dance"}"#)) == .send([]))
        #expect(lifecycle.handle(.binary) == .none)
        #expect(lifecycle.state == .streaming)
        #expect(lifecycle.conversation.report.warnings.map(\.code) == [31951, 31950])
        #expect(lifecycle.conversation.report.warnings.allSatisfy { $0.level == .warning })
    }

    @Test func theStreamStopsWhenTheCallEndsTheAudioEndsOrTheTimeLimitComes() throws {
        var hungUp = try Self.lifecycle()
        _ = hungUp.handle(.framesDue(2))
        let stop = hungUp.handle(.hangUp)
        #expect(Self.sent(stop).map(\.event) == ["stop"])
        if case .close(_, let code, _) = stop { #expect(code == .normalClosure) } else { Issue.record("not closed: \(stop)") }
        #expect(hungUp.state == .closing(.callEnded))
        #expect(hungUp.handle(.closeTimedOut) == .finish(.callEnded))

        var audioOver = try Self.lifecycle(seconds: 0.1)
        #expect(Self.sent(audioOver.handle(.framesDue(10))).map(\.event) == Array(repeating: "media", count: 5) + ["stop"])
        #expect(audioOver.state == .closing(.audioEnded))

        var timeUp = try Self.lifecycle(seconds: 60, timeLimit: 0.1)
        #expect(Self.sent(timeUp.handle(.framesDue(10))).last?.event == "stop")
        #expect(timeUp.state == .closing(.timeLimit))

        var appClosed = try Self.lifecycle()
        #expect(appClosed.handle(.connectionClosed) == .finish(.appClosed))
        var broken = try Self.lifecycle()
        #expect(broken.handle(.writeFailed) == .finish(.connectionLost))
        var violated = try Self.lifecycle()
        #expect(Self.sent(violated.handle(.protocolViolation("a fragmented ping"))).isEmpty)
        #expect(violated.state == .closing(.protocolError))
    }
}
