import ConnectorVoice
import Foundation
import Synchronization
import TwilioKit

/// Twilio's side of one media stream, without a socket: feeds a ``StreamSession`` Twilio's
/// messages (`connected`, `start`, `media`, `dtmf`, `stop`) and plays what the session sends the
/// way Twilio documents it — audio queued and played in order, a mark echoed once the audio before
/// it has played, `clear` dropping the queue and echoing the pending marks at once.
final class TwilioDouble: MediaStreamOutput {
    /// What the session sent, in order: `media(<bytes>)`, `mark:<name>`, `clear`, or text that is
    /// not a Media Streams message.
    enum Sent: Equatable {
        case media(Int)
        case mark(String)
        case clear
        case unreadable(String)
    }

    /// A mark echoed back, with how much audio had been played and queued before it then.
    struct Echo: Equatable {
        let name: String
        let playedBytes: Int
        let cleared: Bool
    }

    private enum Queued {
        case audio(Int)
        case mark(String)
    }

    private struct State {
        var sequence = 0
        var queue: [Queued] = []
        var played = 0
        var receivedAudio: [UInt8] = []
        var sent: [Sent] = []
        var echoes: [Echo] = []
        var closed: MediaStreamClose?
        var writable = true
    }

    let streamSid = "MZ" + String(repeating: "a", count: 32)
    let callSid = "CA" + String(repeating: "b", count: 32)
    let accountSid = "AC" + String(repeating: "c", count: 32)
    /// Twilio's messages, for the session.
    let frames: AsyncStream<MediaStreamFrame>
    private let continuation: AsyncStream<MediaStreamFrame>.Continuation
    private let state = Mutex(State())

    init() {
        (frames, continuation) = AsyncStream.makeStream(of: MediaStreamFrame.self)
    }

    // MARK: Twilio's messages

    /// `connected` and `start`, with the stream token and custom parameters.
    func open(token: String? = "good", parameters: [String: String] = ["From": "+14155550123", "To": "+15005550006"],
              format: MediaStreamInboundMessage.Start.MediaFormat = .init()) {
        var custom = parameters
        if let token { custom["StreamToken"] = token }
        send(.connected(.init()))
        send(.start(.init(sequenceNumber: nextSequence(), streamSid: streamSid, start: .init(
            accountSid: accountSid, callSid: callSid, streamSid: streamSid, tracks: ["inbound"], customParameters: custom, mediaFormat: format))))
    }

    /// The caller's audio, as one `media` message.
    func media(_ bytes: [UInt8]) {
        let text = bytes.withUnsafeBufferPointer { buffer in
            state.withLock { state in
                state.sequence += 1
                return MediaStreamWire.inboundMedia(streamSid: streamSid, sequenceNumber: state.sequence, chunk: state.sequence,
                                                    timestampMilliseconds: state.sequence * 20, muLaw: buffer)
            }
        }
        continuation.yield(.text(text))
    }

    /// The caller pressed `digit`.
    func dtmf(_ digit: String) {
        send(.dtmf(.init(sequenceNumber: nextSequence(), streamSid: streamSid, dtmf: .init(digit: digit))))
    }

    /// `stop`: the call ended; then the connection closes.
    func stop() {
        send(.stop(.init(sequenceNumber: nextSequence(), streamSid: streamSid, stop: .init(accountSid: accountSid, callSid: callSid))))
        continuation.finish()
    }

    /// Any text.
    func raw(_ text: String) {
        continuation.yield(.text(text))
    }

    /// A binary frame.
    func binary(_ size: Int) {
        continuation.yield(.binary(size))
    }

    /// Plays up to `count` bytes of the queued audio, echoing the marks reached.
    func play(_ count: Int) {
        let reached: [String] = state.withLock { state in
            var remaining = count
            var reached: [String] = []
            while let first = state.queue.first {
                switch first {
                case .mark(let name):
                    reached.append(name)
                    state.echoes.append(Echo(name: name, playedBytes: state.played, cleared: false))
                    state.queue.removeFirst()
                case .audio(let bytes):
                    guard remaining > 0 else { return reached }
                    let played = min(bytes, remaining)
                    remaining -= played
                    state.played += played
                    if played == bytes { state.queue.removeFirst() } else { state.queue[0] = .audio(bytes - played) }
                }
            }
            return reached
        }
        for name in reached { echo(name) }
    }

    /// Plays in real time (160 bytes every 20 ms) until the task is cancelled.
    func playInRealTime() async {
        while (try? await Task.sleep(for: .milliseconds(20))) != nil { play(160) }
    }

    // MARK: What the session sent

    var sent: [Sent] { state.withLock { $0.sent } }
    var echoes: [Echo] { state.withLock { $0.echoes } }
    var receivedAudio: [UInt8] { state.withLock { $0.receivedAudio } }
    var playedBytes: Int { state.withLock { $0.played } }
    var closed: MediaStreamClose? { state.withLock { $0.closed } }

    func execute(_ body: @escaping @Sendable () -> Void) {
        body()
    }

    func execute(after delay: Duration, _ body: @escaping @Sendable () -> Void) {
        Task {
            try? await Task.sleep(for: delay)
            body()
        }
    }

    func write(_ text: String) {
        guard let message = try? JSONDecoder().decode(MediaStreamOutboundMessage.self, from: Data(text.utf8)) else {
            state.withLock { $0.sent.append(.unreadable(text)) }
            return
        }
        let echoNow: [String] = state.withLock { state in
            switch message {
            case .media(let media):
                let bytes = media.media.audioBytes ?? []
                state.sent.append(.media(bytes.count))
                state.receivedAudio += bytes
                state.queue.append(.audio(bytes.count))
                return []
            case .mark(let mark):
                state.sent.append(.mark(mark.mark.name))
                if state.queue.isEmpty {
                    state.echoes.append(Echo(name: mark.mark.name, playedBytes: state.played, cleared: false))
                    return [mark.mark.name]
                }
                state.queue.append(.mark(mark.mark.name))
                return []
            case .clear:
                state.sent.append(.clear)
                let marks = state.queue.compactMap { item -> String? in if case .mark(let name) = item { name } else { nil } }
                state.queue.removeAll()
                state.echoes += marks.map { Echo(name: $0, playedBytes: state.played, cleared: true) }
                return marks
            case .unknown:
                return []
            }
        }
        for name in echoNow { echo(name) }
    }

    func flush() {}

    var isWritable: Bool {
        get { state.withLock { $0.writable } }
        set { state.withLock { $0.writable = newValue } }
    }

    func close(_ reason: MediaStreamClose) {
        state.withLock { $0.closed = $0.closed ?? reason }
        continuation.finish()
    }

    private func echo(_ name: String) {
        send(.mark(.init(sequenceNumber: nextSequence(), streamSid: streamSid, mark: .init(name: name))))
    }

    private func send(_ message: MediaStreamInboundMessage) {
        guard let data = try? JSONEncoder().encode(message) else { return }
        continuation.yield(.text(String(decoding: data, as: UTF8.self)))
    }

    private func nextSequence() -> String {
        state.withLock { state in
            state.sequence += 1
            return String(state.sequence)
        }
    }
}
