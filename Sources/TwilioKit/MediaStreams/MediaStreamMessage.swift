/// A WebSocket message Twilio sends to your server during a Media Stream.
///
/// The JSON shape is exactly the one in Twilio's "Media Streams - WebSocket Messages"
/// documentation (twilio.com/docs/voice/media-streams/websocket-messages): an `event` field
/// selects the case, and the other fields sit next to it. Twilio sends `sequenceNumber`,
/// `chunk` and `timestamp` as JSON strings; they are kept as strings so that encoding
/// reproduces the wire format, with `Int` accessors alongside.
///
/// An `event` this type does not know decodes to ``unknown(event:)`` rather than failing.
public enum MediaStreamInboundMessage: Sendable, Equatable, Codable {
    /// `connected`: the first message, naming the protocol.
    case connected(Connected)
    /// `start`: stream metadata, sent once after `connected`.
    case start(Start)
    /// `media`: a chunk of base64 µ-law audio.
    case media(Media)
    /// `dtmf`: a touch-tone key press (bidirectional streams only).
    case dtmf(DTMF)
    /// `mark`: playback reached, or a `clear` discarded, a mark you sent.
    case mark(Mark)
    /// `stop`: the stream stopped or the call ended.
    case stop(Stop)
    /// Any other `event`; the rest of the message is ignored.
    case unknown(event: String)

    /// The value of the `event` field.
    public var event: String {
        switch self {
        case .connected: "connected"
        case .start: "start"
        case .media: "media"
        case .dtmf: "dtmf"
        case .mark: "mark"
        case .stop: "stop"
        case .unknown(let event): event
        }
    }

    /// The stream SID, for every message but `connected` and unknown ones.
    public var streamSid: String? {
        sequenced?.streamSid
    }

    /// The `sequenceNumber` as an integer, for every message but `connected` and unknown
    /// ones (and `nil` if Twilio ever sent a non-numeric one).
    public var sequenceNumber: Int? {
        sequenced?.sequenceNumberValue
    }

    private var sequenced: (any MediaStreamSequencedMessage)? {
        switch self {
        case .start(let message): message
        case .media(let message): message
        case .dtmf(let message): message
        case .mark(let message): message
        case .stop(let message): message
        case .connected, .unknown: nil
        }
    }

    /// Decodes a message, choosing the case from its `event` field.
    public init(from decoder: any Decoder) throws {
        let event = try decoder.container(keyedBy: MediaStreamEventKey.self).decode(String.self, forKey: .event)
        switch event {
        case "connected": self = .connected(try Connected(from: decoder))
        case "start": self = .start(try Start(from: decoder))
        case "media": self = .media(try Media(from: decoder))
        case "dtmf": self = .dtmf(try DTMF(from: decoder))
        case "mark": self = .mark(try Mark(from: decoder))
        case "stop": self = .stop(try Stop(from: decoder))
        default: self = .unknown(event: event)
        }
    }

    /// Encodes the message with its `event` field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MediaStreamEventKey.self)
        try container.encode(event, forKey: .event)
        switch self {
        case .connected(let message): try message.encode(to: encoder)
        case .start(let message): try message.encode(to: encoder)
        case .media(let message): try message.encode(to: encoder)
        case .dtmf(let message): try message.encode(to: encoder)
        case .mark(let message): try message.encode(to: encoder)
        case .stop(let message): try message.encode(to: encoder)
        case .unknown: break
        }
    }
}

/// A WebSocket message your server sends to Twilio in a bidirectional Media Stream
/// (`<Connect><Stream>`), shaped exactly as Twilio documents it.
///
/// An `event` this type does not know decodes to ``unknown(event:)`` rather than failing.
public enum MediaStreamOutboundMessage: Sendable, Equatable, Codable {
    /// `media`: base64 µ-law audio to play on the call.
    case media(Media)
    /// `mark`: ask Twilio to report back when the audio sent so far has played.
    case mark(Mark)
    /// `clear`: discard all buffered audio.
    case clear(Clear)
    /// Any other `event`; the rest of the message is ignored.
    case unknown(event: String)

    /// The value of the `event` field.
    public var event: String {
        switch self {
        case .media: "media"
        case .mark: "mark"
        case .clear: "clear"
        case .unknown(let event): event
        }
    }

    /// The stream SID the message is addressed to, `nil` for unknown messages.
    public var streamSid: String? {
        switch self {
        case .media(let message): message.streamSid
        case .mark(let message): message.streamSid
        case .clear(let message): message.streamSid
        case .unknown: nil
        }
    }

    /// Decodes a message, choosing the case from its `event` field.
    public init(from decoder: any Decoder) throws {
        let event = try decoder.container(keyedBy: MediaStreamEventKey.self).decode(String.self, forKey: .event)
        switch event {
        case "media": self = .media(try Media(from: decoder))
        case "mark": self = .mark(try Mark(from: decoder))
        case "clear": self = .clear(try Clear(from: decoder))
        default: self = .unknown(event: event)
        }
    }

    /// Encodes the message with its `event` field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MediaStreamEventKey.self)
        try container.encode(event, forKey: .event)
        switch self {
        case .media(let message): try message.encode(to: encoder)
        case .mark(let message): try message.encode(to: encoder)
        case .clear(let message): try message.encode(to: encoder)
        case .unknown: break
        }
    }
}

/// A Media Streams message from Twilio that carries a stream SID and a sequence number.
public protocol MediaStreamSequencedMessage: Sendable {
    /// The `sequenceNumber` string as sent: `"1"` for the first message, then counting up.
    var sequenceNumber: String { get }
    /// The unique identifier of the stream.
    var streamSid: String { get }
}

extension MediaStreamSequencedMessage {
    /// ``sequenceNumber`` as an integer, `nil` if it is not a decimal number.
    public var sequenceNumberValue: Int? { Int(sequenceNumber) }
}

/// The discriminating `event` key shared by all Media Streams messages.
enum MediaStreamEventKey: String, CodingKey {
    case event
}
