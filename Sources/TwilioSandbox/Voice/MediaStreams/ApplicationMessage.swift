import Foundation
import TwilioKit

/// A text message the application sent on its stream, checked as Twilio checks it:
///
/// - JSON, with an `event` Twilio takes on a bidirectional stream (`media`, `mark`, `clear`),
///   every documented field present, and this stream's `streamSid` — otherwise Twilio ignores the
///   message and warns once per stream (31951, ``MediaStreamError/invalidMessage(_:)``). A field
///   the protocol does not have is warned about the same way, but the message still acts.
/// - For `media`, a payload of base64 `audio/x-mulaw` without an audio file header — otherwise
///   the stream ends with 31924 (``MediaStreamError/protocolError(_:)``).
struct ApplicationMessage: Sendable, Equatable {
    /// What the message asks for.
    enum Instruction: Sendable, Equatable {
        /// Play µ-law audio after what is queued.
        case play([UInt8])
        /// Report back when the audio queued before it has played.
        case mark(String)
        /// Drop the queued audio.
        case clear
    }

    /// The documented fields of each message the application may send: those of the message,
    /// and those of its nested object (named like the event).
    private static let documentedFields: [String: (message: Set<String>, nested: Set<String>)] = [
        "media": (["event", "streamSid", "media"], ["payload"]),
        "mark": (["event", "streamSid", "mark"], ["name"]),
        "clear": (["event", "streamSid"], []),
    ]

    let instruction: Instruction
    /// Fields the protocol does not have (`media.track`), for a 31951 warning.
    let extraFields: [String]

    /// Checks `text`, sent on stream `streamSID`. Throws the ``MediaStreamError`` Twilio reports.
    init(text: String, streamSID: String) throws(MediaStreamError) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw .invalidMessage("the message does not have JSON format: \(text.prefix(200))")
        }
        guard let event = object["event"] as? String else { throw .invalidMessage("the message has no event") }
        guard let fields = Self.documentedFields[event] else {
            throw .invalidMessage("unknown message type '\(event)': a bidirectional stream takes media, mark and clear")
        }
        let nested = object[event] as? [String: Any] ?? [:]
        let present = Set(object.keys).union(nested.keys.map { "\(event).\($0)" })
        let expected = fields.message.union(fields.nested.map { "\(event).\($0)" })
        let missing = expected.subtracting(present)
        guard missing.isEmpty else { throw .invalidMessage("missing field \(missing.sorted().joined(separator: ", ")) in \(event)") }
        guard let sid = object["streamSid"] as? String, sid == streamSID else {
            throw .invalidMessage("wrong Stream SID \(object["streamSid"].map { "\($0)" } ?? "") in \(event)")
        }
        let message: MediaStreamOutboundMessage
        do {
            message = try JSONDecoder().decode(MediaStreamOutboundMessage.self, from: Data(text.utf8))
        } catch {
            throw .invalidMessage("a field of \(event) has the wrong type")
        }
        extraFields = present.subtracting(expected).sorted()
        instruction = try Self.instruction(of: message)
    }

    /// What `message` asks for; its audio must be playable.
    private static func instruction(of message: MediaStreamOutboundMessage) throws(MediaStreamError) -> Instruction {
        switch message {
        case .media(let media):
            guard let audio = media.media.audioBytes else {
                throw .protocolError("the media payload is not base64")
            }
            if let format = AudioFileSignature(of: audio) {
                throw .protocolError("the media payload starts with a \(format.rawValue) file header: send raw audio/x-mulaw at 8000 Hz")
            }
            return .play(audio)
        case .mark(let mark):
            return .mark(mark.mark.name)
        case .clear:
            return .clear
        case .unknown(let event):
            throw .invalidMessage("unknown message type '\(event)'")
        }
    }
}
