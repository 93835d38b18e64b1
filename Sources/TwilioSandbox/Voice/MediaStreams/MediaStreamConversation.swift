import Foundation
import TwilioKit

/// The Media Streams protocol of one bidirectional stream, without the socket: which messages
/// the sandbox sends, and what it makes of the application's. ``MediaStreamLifecycle`` tells it
/// how many 20 ms frames are due and gives it the text it receives, and sends what it returns.
///
/// As Twilio: `connected`, then `start` (sequence number 1, the `<Parameter>`s in
/// `customParameters`), then a `media` message per frame (track `inbound`, `chunk` from 1,
/// `timestamp` in milliseconds from 0, base64 µ-law) with the caller's `dtmf` key presses
/// (track `inbound_track`) between them, and `stop` once the caller's audio is over or the call
/// ends. The application's `media` is queued and played a frame at a time
/// (``MediaStreamPlayout``), its `mark`s are echoed once the audio queued before them has played,
/// and `clear` drops the queued audio and echoes the pending marks at once.
struct MediaStreamConversation: Sendable {
    let streamSID: String
    private let accountSID: String
    private let callSID: String
    private let customParameters: [String: String]
    private var audio: CallerAudio
    private var keyPresses: KeyPressSchedule
    private var sequenceNumber = 0
    /// The caller's frames sent so far.
    private(set) var chunk = 0
    private(set) var playout = MediaStreamPlayout()
    private(set) var report = MediaStreamReport()
    /// Whether the stream is over (`stop` sent, or failed): from then on the application's audio
    /// is only collected.
    private(set) var isStopped = false

    /// A conversation for `call` on stream `streamSID`: streams the caller's `audio`, presses the
    /// handset's queued `digits`, and passes `customParameters` in `start`.
    init(streamSID: String, call: CallRecord, customParameters: [String: String], audio: CallerAudio, digits: String) {
        self.streamSID = streamSID
        accountSID = call.accountSID
        callSID = call.sid
        self.customParameters = customParameters
        self.audio = audio
        keyPresses = KeyPressSchedule(queued: digits, frameCount: audio.frameCount)
    }

    /// Why the stream ends when the caller's audio is over: the handset hangs up, or the audio
    /// was cut at the call's time limit.
    var endOfAudio: MediaStreamEnd {
        audio.isCutShort ? .timeLimit : .audioEnded
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
    /// up to it, each followed by its key press and the marks the application's audio reached by
    /// the end of it; `stop` once the caller's audio is over. Frames that fell behind (a slow
    /// application holding up the writes) go out together, so the stream keeps its pace.
    mutating func advance(to due: Int) -> [MediaStreamInboundMessage] {
        var messages: [MediaStreamInboundMessage] = []
        while !isStopped, chunk < due {
            messages += nextFrame()
        }
        return messages
    }

    /// Keys the caller presses now: `dtmf` messages from the next frame on.
    mutating func press(_ digits: String) {
        guard !isStopped else { return }
        keyPresses.press(digits, after: chunk)
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
        if let digit = keyPresses.take(at: chunk) {
            report.digitsSent += digit
            report.note("dtmf")
            messages.append(.dtmf(.init(sequenceNumber: nextSequenceNumber(), streamSid: streamSID, dtmf: .init(digit: digit))))
        }
        return messages + echo(playout.tick())
    }

    /// The stream ends (the caller's audio is over, or the call ended): `stop`, once.
    mutating func stop() -> [MediaStreamInboundMessage] {
        guard !isStopped else { return [] }
        isStopped = true
        report.note("stop")
        return [.stop(.init(sequenceNumber: nextSequenceNumber(), streamSid: streamSID,
                            stop: .init(accountSid: accountSID, callSid: callSID)))]
    }

    /// The stream failed with `error` (31924): nothing more is sent, not even `stop`.
    mutating func fail(_ error: MediaStreamError) {
        guard !isStopped else { return }
        isStopped = true
        report.failure = error
    }

    /// A text message from the application; returns the marks it echoes. A message Twilio would
    /// ignore is noted as a warning; one that ends the stream throws its error (31924).
    mutating func receive(text: String) throws(MediaStreamError) -> [MediaStreamInboundMessage] {
        let message: ApplicationMessage
        do {
            message = try ApplicationMessage(text: text, streamSID: streamSID)
        } catch where error.level == .warning {
            report.warn(error)
            return []
        }
        if !message.extraFields.isEmpty {
            report.warn(.invalidMessage("extra field \(message.extraFields.joined(separator: ", "))"))
        }
        switch message.instruction {
        case .play(let audio):
            report.note("app:media")
            report.audio += audio
            if !isStopped, !playout.enqueue(audio: audio) { report.warn(.mediaDiscarded) }
            return []
        case .mark(let name):
            report.note("app:mark")
            return isStopped ? [] : echo(playout.enqueue(mark: name))
        case .clear:
            report.note("app:clear")
            return isStopped ? [] : echo(playout.clear())
        }
    }

    /// A binary frame from the application: Twilio accepts only JSON text (31950).
    mutating func receiveBinary() {
        report.note("app:binary")
        report.warn(.binaryFrame)
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
