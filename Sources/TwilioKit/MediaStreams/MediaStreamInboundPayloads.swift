extension MediaStreamInboundMessage {
    /// The `connected` message: `{"event": "connected", "protocol": "Call", "version": "1.0.0"}`.
    public struct Connected: Sendable, Equatable, Codable {
        /// The protocol for the connection's lifetime (`protocol`), `"Call"`.
        public var protocolName: String
        /// The semantic version of the protocol, e.g. `"1.0.0"`.
        public var version: String

        /// Creates a `connected` message.
        public init(protocolName: String = "Call", version: String = "1.0.0") {
            self.protocolName = protocolName
            self.version = version
        }

        private enum CodingKeys: String, CodingKey {
            case protocolName = "protocol"
            case version
        }
    }

    /// The `start` message, sent once with the stream's metadata.
    public struct Start: MediaStreamSequencedMessage, Equatable, Codable {
        /// The message's sequence number, as sent.
        public var sequenceNumber: String
        /// The stream SID.
        public var streamSid: String
        /// The stream metadata (`start`).
        public var start: Metadata

        /// Creates a `start` message.
        public init(sequenceNumber: String, streamSid: String, start: Metadata) {
            self.sequenceNumber = sequenceNumber
            self.streamSid = streamSid
            self.start = start
        }

        /// The `start` object.
        public struct Metadata: Sendable, Equatable, Codable {
            /// The SID of the account that created the stream.
            public var accountSid: String
            /// The SID of the call the stream belongs to.
            public var callSid: String
            /// The stream SID.
            public var streamSid: String
            /// The tracks that will follow: `"inbound"` and/or `"outbound"`.
            public var tracks: [String]
            /// The custom parameters set on `<Stream>`; an absent object decodes as empty.
            public var customParameters: [String: String]
            /// The format of the `media` payloads.
            public var mediaFormat: MediaFormat

            /// Creates stream metadata.
            public init(
                accountSid: String,
                callSid: String,
                streamSid: String,
                tracks: [String],
                customParameters: [String: String] = [:],
                mediaFormat: MediaFormat = MediaFormat()
            ) {
                self.accountSid = accountSid
                self.callSid = callSid
                self.streamSid = streamSid
                self.tracks = tracks
                self.customParameters = customParameters
                self.mediaFormat = mediaFormat
            }

            /// Decodes the `start` object.
            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                accountSid = try container.decode(String.self, forKey: .accountSid)
                callSid = try container.decode(String.self, forKey: .callSid)
                streamSid = try container.decode(String.self, forKey: .streamSid)
                tracks = try container.decode([String].self, forKey: .tracks)
                customParameters = try container.decodeIfPresent([String: String].self, forKey: .customParameters) ?? [:]
                mediaFormat = try container.decode(MediaFormat.self, forKey: .mediaFormat)
            }
        }

        /// The `mediaFormat` object; Twilio always sends µ-law, 8000 Hz, mono.
        public struct MediaFormat: Sendable, Equatable, Codable {
            /// The payload encoding, `"audio/x-mulaw"`.
            public var encoding: String
            /// The sample rate in hertz, `8000` (a JSON number).
            public var sampleRate: Int
            /// The number of channels, `1` (a JSON number).
            public var channels: Int

            /// Creates a media format, by default Twilio's only one.
            public init(encoding: String = "audio/x-mulaw", sampleRate: Int = 8000, channels: Int = 1) {
                self.encoding = encoding
                self.sampleRate = sampleRate
                self.channels = channels
            }
        }
    }

    /// The `media` message: one chunk of audio.
    public struct Media: MediaStreamSequencedMessage, Equatable, Codable {
        /// The message's sequence number, as sent.
        public var sequenceNumber: String
        /// The stream SID.
        public var streamSid: String
        /// The audio chunk (`media`).
        public var media: Payload

        /// Creates a `media` message.
        public init(sequenceNumber: String, streamSid: String, media: Payload) {
            self.sequenceNumber = sequenceNumber
            self.streamSid = streamSid
            self.media = media
        }

        /// The `media` object.
        public struct Payload: Sendable, Equatable, Codable {
            /// `"inbound"` or `"outbound"`.
            public var track: String
            /// The chunk number as sent, `"1"` for the first chunk.
            public var chunk: String
            /// Milliseconds from the start of the stream, as sent.
            public var timestamp: String
            /// The raw µ-law audio, base64 encoded.
            public var payload: String

            /// Creates a `media` object.
            public init(track: String, chunk: String, timestamp: String, payload: String) {
                self.track = track
                self.chunk = chunk
                self.timestamp = timestamp
                self.payload = payload
            }

            /// ``chunk`` as an integer, `nil` if it is not a decimal number.
            public var chunkValue: Int? { Int(chunk) }
            /// ``timestamp`` in milliseconds, `nil` if it is not a decimal number.
            public var timestampMilliseconds: Int? { Int(timestamp) }
        }
    }

    /// The `dtmf` message: a key pressed on the caller's handset.
    public struct DTMF: MediaStreamSequencedMessage, Equatable, Codable {
        /// The message's sequence number, as sent.
        public var sequenceNumber: String
        /// The stream SID.
        public var streamSid: String
        /// The key press (`dtmf`).
        public var dtmf: KeyPress

        /// Creates a `dtmf` message.
        public init(sequenceNumber: String, streamSid: String, dtmf: KeyPress) {
            self.sequenceNumber = sequenceNumber
            self.streamSid = streamSid
            self.dtmf = dtmf
        }

        /// The `dtmf` object.
        public struct KeyPress: Sendable, Equatable, Codable {
            /// The track the key was pressed on, always `"inbound_track"`.
            public var track: String
            /// The key: `"0"`–`"9"`, `"*"` or `"#"`.
            public var digit: String

            /// Creates a `dtmf` object.
            public init(track: String = "inbound_track", digit: String) {
                self.track = track
                self.digit = digit
            }
        }
    }

    /// The `mark` message: Twilio echoing a mark you sent.
    public struct Mark: MediaStreamSequencedMessage, Equatable, Codable {
        /// The message's sequence number, as sent.
        public var sequenceNumber: String
        /// The stream SID.
        public var streamSid: String
        /// The mark (`mark`), with the name you sent.
        public var mark: MediaStreamMark

        /// Creates a `mark` message.
        public init(sequenceNumber: String, streamSid: String, mark: MediaStreamMark) {
            self.sequenceNumber = sequenceNumber
            self.streamSid = streamSid
            self.mark = mark
        }
    }

    /// The `stop` message: the stream is over.
    public struct Stop: MediaStreamSequencedMessage, Equatable, Codable {
        /// The message's sequence number, as sent.
        public var sequenceNumber: String
        /// The stream SID.
        public var streamSid: String
        /// The stream's account and call (`stop`).
        public var stop: Details

        /// Creates a `stop` message.
        public init(sequenceNumber: String, streamSid: String, stop: Details) {
            self.sequenceNumber = sequenceNumber
            self.streamSid = streamSid
            self.stop = stop
        }

        /// The `stop` object.
        public struct Details: Sendable, Equatable, Codable {
            /// The SID of the account that created the stream.
            public var accountSid: String
            /// The SID of the call that started the stream.
            public var callSid: String

            /// Creates a `stop` object.
            public init(accountSid: String, callSid: String) {
                self.accountSid = accountSid
                self.callSid = callSid
            }
        }
    }
}

/// The `mark` object of a Media Streams `mark` message, in either direction.
public struct MediaStreamMark: Sendable, Equatable, Codable {
    /// Your label for the mark; Twilio sends it back unchanged.
    public var name: String

    /// Creates a mark.
    public init(name: String) {
        self.name = name
    }
}
