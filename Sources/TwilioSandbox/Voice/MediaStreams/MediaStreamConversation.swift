import Foundation
import TwilioKit

/// The Media Streams protocol of one bidirectional stream, without the socket: which messages
/// the sandbox sends, and what it makes of the application's. ``MediaStreamSession`` tells it
/// how many 20 ms frames are due and gives it the text it receives, and sends what it returns.
///
/// As Twilio: `connected`, then `start` (sequence number 1), then a `media` message per tick
/// (track `inbound`, `chunk` from 1, `timestamp` in milliseconds from 0, base64 µ-law) with the
/// caller's `dtmf` key presses between them, and `stop` once the caller's audio is over or the
/// call ends. The application's `media` is queued and played 160 bytes a tick, its `mark`s are
/// echoed once the audio queued before them has played, and `clear` drops the queued audio and
/// echoes the pending marks at once.
struct MediaStreamConversation: Sendable {
    let streamSID: String
    private let accountSID: String
    private let callSID: String
    private let customParameters: [String: String]
    private var audio: CallerAudio
    /// The keys pressed after the `media` message with that chunk number.
    private let keyPresses: [Int: String]
    private var sequenceNumber = 0
    private var chunk = 0
    private(set) var playout = MediaStreamPlayout()
    private(set) var report = MediaStreamReport()
    /// Whether `stop` was sent: from then on the application's audio is only collected.
    private(set) var isStopped = false

    /// Frames between two key presses: half a second, like a `<Play digits>` key.
    static let keyPressFrames = Int(VoiceClock.keyPressTime * 50)

    /// A conversation for `call`'s `stream`, streaming the caller's `audio` and pressing `digits`.
    init(streamSID: String, call: CallRecord, stream: TwiML.Stream, audio: CallerAudio, digits: String) {
        self.streamSID = streamSID
        accountSID = call.accountSID
        callSID = call.sid
        customParameters = Dictionary(stream.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        self.audio = audio
        keyPresses = Self.keyPresses(digits, frameCount: audio.frameCount)
    }

    /// Where the keys fall: every half second from the first half second, closer together when
    /// the audio is too short for that.
    static func keyPresses(_ digits: String, frameCount: Int) -> [Int: String] {
        let interval = max(1, min(keyPressFrames, frameCount / (digits.count + 1)))
        return Dictionary(uniqueKeysWithValues: digits.enumerated().map { ((($0.offset + 1) * interval), String($0.element)) })
    }

    /// The first two messages: `connected` and `start`.
    mutating func opening() -> [MediaStreamInboundMessage] {
        report.note("connected")
        report.note("start")
        let metadata = MediaStreamInboundMessage.Start.Metadata(
            accountSid: accountSID, callSid: callSID, streamSid: streamSID, tracks: ["inbound"],
            customParameters: customParameters)
        return [.connected(.init()), .start(.init(sequenceNumber: nextSequenceNumber(), streamSid: streamSID, start: metadata))]
    }

    /// Time passes until frame `due` (frame 1 is due 20 ms after the start): the caller's frames
    /// up to it, each followed by its key press and the marks the application's audio reached as
    /// 20 ms of it played; `stop` once the caller's audio is over. Frames that fell behind (a slow
    /// application holding up the writes) go out together, so the stream keeps its pace.
    mutating func advance(to due: Int) -> [MediaStreamInboundMessage] {
        var messages: [MediaStreamInboundMessage] = []
        while !isStopped, chunk < due {
            messages += nextFrame()
        }
        return messages
    }

    /// The caller's next frame, or `stop` when there is none.
    private mutating func nextFrame() -> [MediaStreamInboundMessage] {
        guard let frame = audio.nextFrame() else { return stop() }
        chunk += 1
        report.mediaFramesSent += 1
        report.note("media")
        var messages: [MediaStreamInboundMessage] = [.media(.init(
            sequenceNumber: nextSequenceNumber(), streamSid: streamSID,
            media: .init(track: "inbound", chunk: String(chunk), timestamp: String((chunk - 1) * 20),
                         payload: Data(frame).base64EncodedString())))]
        if let digit = keyPresses[chunk] {
            report.digitsSent += digit
            report.note("dtmf")
            messages.append(.dtmf(.init(sequenceNumber: nextSequenceNumber(), streamSid: streamSID, dtmf: .init(digit: digit))))
        }
        return messages + echo(playout.play(CallerAudio.frameBytes))
    }

    /// The stream ends (the caller's audio is over, or the call ended): `stop`, once.
    mutating func stop() -> [MediaStreamInboundMessage] {
        guard !isStopped else { return [] }
        isStopped = true
        report.note("stop")
        return [.stop(.init(sequenceNumber: nextSequenceNumber(), streamSid: streamSID,
                            stop: .init(accountSid: accountSID, callSid: callSID)))]
    }

    /// A text message from the application; returns the marks it echoes.
    mutating func receive(text: String) -> [MediaStreamInboundMessage] {
        let message: MediaStreamOutboundMessage
        do {
            message = try JSONDecoder().decode(MediaStreamOutboundMessage.self, from: Data(text.utf8))
        } catch {
            report.warn(31951, "Stream - Protocol - Invalid Message: not a Media Streams message: \(text.prefix(200))")
            return []
        }
        report.note("app:" + message.event)
        guard let sid = message.streamSid else {
            report.warn(31951, "Stream - Protocol - Invalid Message: unknown message type '\(message.event)'")
            return []
        }
        guard sid == streamSID else {
            report.warn(31951, "Stream - Protocol - Invalid Message: wrong Stream SID \(sid)")
            return []
        }
        switch message {
        case .media(let media):
            guard let audio = media.media.audioBytes else {
                report.warn(31951, "Stream - Protocol - Invalid Message: the media payload is not base64")
                return []
            }
            report.audio += audio
            if !isStopped { playout.enqueue(audio: audio) }
            return []
        case .mark(let mark):
            return isStopped ? [] : echo(playout.enqueue(mark: mark.mark.name))
        case .clear:
            return isStopped ? [] : echo(playout.clear())
        case .unknown:
            return []
        }
    }

    /// A binary frame from the application: Twilio accepts only JSON text (31950).
    mutating func receiveBinary() {
        report.note("app:binary")
        report.warn(31950, "Stream - Protocol - Malformed Message: binary WebSocket frames are not part of the protocol")
    }

    /// The `mark` messages that echo `names` back to the application.
    private mutating func echo(_ names: [String]) -> [MediaStreamInboundMessage] {
        names.map { name in
            report.marks.append(name)
            report.note("mark")
            return .mark(.init(sequenceNumber: nextSequenceNumber(), streamSid: streamSID, mark: .init(name: name)))
        }
    }

    /// The `sequenceNumber` of the next message.
    private mutating func nextSequenceNumber() -> String {
        sequenceNumber += 1
        return String(sequenceNumber)
    }
}
