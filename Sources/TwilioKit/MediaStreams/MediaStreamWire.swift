import Foundation

/// The Media Streams messages that carry audio, read and written without a JSON tree or an encoder
/// per message: the hot path of a stream, fifty `media` messages a second in each direction. The
/// other messages (`connected`, `start`, `dtmf`, `mark`, `stop`, `clear`) are rare and go through
/// the `Codable` types, ``MediaStreamInboundMessage`` and ``MediaStreamOutboundMessage``.
///
/// The text written is exactly what those types encode to (keys in Twilio's documented order); the
/// reader takes any JSON object and hands back ``MediaRead/other`` for whatever it does not read
/// itself (another event, or a payload written with JSON escapes), for the `Codable` path.
public enum MediaStreamWire {
    /// What ``readMedia(_:expectedStreamSid:appendingTo:)`` found in a text message.
    public enum MediaRead: Sendable, Equatable {
        /// A `media` message, whose µ-law audio was appended; whether its `streamSid` is the one expected.
        case media(streamSidMatches: Bool)
        /// Another message, or one this reader leaves to the `Codable` types.
        case other
        /// Not a JSON object, or a `media` message without a base64 `payload`.
        case malformed(String)
    }

    /// Reads `text` if it is a `media` message: appends its payload's µ-law bytes to `audio` and
    /// says whether its `streamSid` is `expectedStreamSid` (any `streamSid` matches `nil`).
    public static func readMedia(_ text: String, expectedStreamSid: String?, appendingTo audio: inout [UInt8]) -> MediaRead {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = JSONObjectScanner(bytes)
            guard let message = scanner.topLevelMedia() else { return .malformed("not a Media Streams message: not a JSON object") }
            guard message.isMediaEvent else { return .other }
            guard let payload = message.payload else {
                return message.hasEscapes ? .other : .malformed("the media message has no payload")
            }
            guard Base64Bytes.decode(UnsafeBufferPointer(rebasing: bytes[payload]), appendingTo: &audio) else {
                return .malformed("the media payload is not base64")
            }
            let matches = expectedStreamSid.map { expected in
                message.streamSid.map { bytes[$0].elementsEqual(expected.utf8) } ?? false
            } ?? true
            return .media(streamSidMatches: matches)
        }
    }

    /// The `media` messages an application sends one stream, their text around the audio worked
    /// out once: `{"event":"media","streamSid":…,"media":{"payload":…}}`.
    public struct OutboundMedia: Sendable {
        private let prefix: [UInt8]

        /// The messages for the stream `streamSid`.
        public init(streamSid: String) {
            prefix = Array(("{\"event\":\"media\",\"streamSid\":" + MediaStreamWire.quoted(streamSid) + ",\"media\":{\"payload\":\"").utf8)
        }

        /// The message carrying `muLaw`.
        public func message(muLaw: UnsafeBufferPointer<UInt8>) -> String {
            MediaStreamWire.compose(prefix, audio: muLaw)
        }
    }

    /// The `media` message Twilio sends an application (track `inbound`), as ``MediaStreamInboundMessage`` encodes it.
    public static func inboundMedia(streamSid: String, sequenceNumber: Int, chunk: Int, timestampMilliseconds: Int,
                                    muLaw: UnsafeBufferPointer<UInt8>) -> String {
        let prefix = "{\"event\":\"media\",\"sequenceNumber\":\"\(sequenceNumber)\",\"streamSid\":" + quoted(streamSid)
            + ",\"media\":{\"track\":\"inbound\",\"chunk\":\"\(chunk)\",\"timestamp\":\"\(timestampMilliseconds)\",\"payload\":\""
        return compose(Array(prefix.utf8), audio: muLaw)
    }

    /// What closes a `media` message after its payload.
    private static let mediaSuffix: [UInt8] = Array("\"}}".utf8)

    /// `prefix`, the base64 of `audio`, then the message's end, written once into a new string.
    private static func compose(_ prefix: [UInt8], audio: UnsafeBufferPointer<UInt8>) -> String {
        let capacity = prefix.count + Base64Bytes.encodedLength(of: audio.count) + mediaSuffix.count
        return String(unsafeUninitializedCapacity: capacity) { output in
            var written = output.initialize(fromContentsOf: prefix)
            written += Base64Bytes.encode(audio, into: UnsafeMutableBufferPointer(rebasing: output[written...]))
            written += UnsafeMutableBufferPointer(rebasing: output[written...]).initialize(fromContentsOf: mediaSuffix)
            return written
        }
    }

    /// `value` as a JSON string literal.
    private static func quoted(_ value: String) -> String {
        let needsEscaping = value.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        guard needsEscaping else { return "\"" + value + "\"" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}

/// Walks one JSON object's bytes for the fields of a `media` message, skipping every other value.
private struct JSONObjectScanner {
    /// Where a `media` message's fields are, as byte ranges of the text.
    struct MediaFields {
        var isMediaEvent = false
        var streamSid: Range<Int>?
        var payload: Range<Int>?
        /// A field read had JSON escapes in it: left to the `Codable` path.
        var hasEscapes = false
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The fields of the top-level object, or `nil` if the text is not one JSON object.
    mutating func topLevelMedia() -> MediaFields? {
        var fields = MediaFields()
        let read = object { scanner, key in
            switch key {
            case "event":
                guard let value = scanner.string() else { return scanner.skipValue() }
                fields.isMediaEvent = scanner.matches(value, "media")
                fields.hasEscapes = fields.hasEscapes || value.escaped
                return true
            case "streamSid":
                guard let value = scanner.string() else { return scanner.skipValue() }
                fields.streamSid = value.range
                fields.hasEscapes = fields.hasEscapes || value.escaped
                return true
            case "media":
                return scanner.object { inner, key in
                    guard key == "payload", let value = inner.string() else { return inner.skipValue() }
                    if value.escaped { fields.hasEscapes = true } else { fields.payload = value.range }
                    return true
                }
            default:
                return scanner.skipValue()
            }
        }
        skipWhitespace()
        guard read, index == bytes.count else { return nil }
        return fields
    }

    /// Reads an object, calling `field` with each key (positioned at its value), which must consume the value.
    private mutating func object(_ field: (inout JSONObjectScanner, String) -> Bool) -> Bool {
        skipWhitespace()
        guard consume(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            guard let key = string(), !key.escaped else { return false }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[key.range]), as: UTF8.self)
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard field(&self, name) else { return false }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// A string value's contents (without the quotes), and whether it had escapes; `nil` (consuming
    /// nothing) when the value is not a string.
    private mutating func string() -> (range: Range<Int>, escaped: Bool)? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var position = start
        var escaped = false
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                index = position + 1
                return (start..<position, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                position += 2
            default:
                position += 1
            }
        }
        return nil
    }

    /// Skips any JSON value (strings, numbers, literals, nested objects and arrays).
    private mutating func skipValue() -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard string() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default:
                    break
                }
                index += 1
            }
            return false
        default:
            let start = index
            while index < bytes.count, !Self.ends(bytes[index]) { index += 1 }
            return index > start
        }
    }

    private static func ends(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || isWhitespace(byte)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private func matches(_ value: (range: Range<Int>, escaped: Bool), _ expected: StaticString) -> Bool {
        !value.escaped && bytes[value.range].elementsEqual(UnsafeBufferPointer(start: expected.utf8Start, count: expected.utf8CodeUnitCount))
    }
}
