import TwilioKit

/// Reads Twilio's messages for a session: `media` on the fast path (``MediaStreamWire``, no JSON
/// tree, the audio decoded into a buffer), everything else through the `Codable` types; feeds the
/// state machine and hands the workflow what it says to.
struct StreamReader {
    let core: StreamSessionCore
    private var streamSid: String?
    private var audio: [UInt8] = []
    /// Caller audio delivered so far, in bytes (8 a millisecond): the next chunk's timestamp.
    private var deliveredBytes = 0

    init(core: StreamSessionCore) {
        self.core = core
    }

    /// Reads one message; the state machine's action (the session starts the workflow itself).
    mutating func read(_ frame: MediaStreamFrame) -> StreamSessionStateMachine.Action {
        guard case .text(let text) = frame else {
            guard case .binary(let size) = frame else { return .none }
            return core.transition { $0.receiveMalformed("a binary frame of \(size) bytes: Media Streams messages are JSON text") }
        }
        if !audio.isEmpty { audio.removeAll(keepingCapacity: true) }
        switch MediaStreamWire.readMedia(text, expectedStreamSid: streamSid, appendingTo: &audio) {
        case .media(let matches):
            let action = core.transition { $0.receiveMedia(streamSidMatches: matches) }
            if action == .deliverAudio { deliverAudio() }
            return action
        case .malformed(let reason):
            return core.transition { $0.receiveMalformed(reason) }
        case .other:
            guard let message = MediaStreamJSON.decode(MediaStreamInboundMessage.self, from: text) else {
                // Its text is not logged: it may hold audio or the stream's token.
                return core.transition { $0.receiveMalformed("a message of \(text.utf8.count) bytes is not a Media Streams message") }
            }
            let action = core.transition { $0.receive(message) }
            switch action {
            case .startWorkflow(let call, _):
                streamSid = call.streamSid
            case .deliverAudio:
                guard case .media(let media) = message, let bytes = media.media.audioBytes else {
                    return core.transition { $0.receiveMalformed("the media payload is not base64") }
                }
                audio = bytes
                deliverAudio()
            case .deliver(let event):
                core.deliver(event)
            case .markEchoed(let name):
                core.markEchoed(name)
            case .none, .end:
                break
            }
            return action
        }
    }

    private mutating func deliverAudio() {
        let chunk = AudioChunk(muLaw: audio, timestampMilliseconds: deliveredBytes / 8)
        deliveredBytes += audio.count
        audio = []
        audio.reserveCapacity(OutboundPlayout.frameBytes)
        core.deliver(.audio(chunk))
    }
}
