extension MediaStreamOutboundMessage {
    /// The outbound `media` message: audio for Twilio to play, in the order received.
    public struct Media: Sendable, Equatable, Codable {
        /// The SID of the stream that should play the audio.
        public var streamSid: String
        /// The audio (`media`).
        public var media: Payload

        /// Creates an outbound `media` message.
        public init(streamSid: String, media: Payload) {
            self.streamSid = streamSid
            self.media = media
        }

        /// The outbound `media` object.
        public struct Payload: Sendable, Equatable, Codable {
            /// Raw µ-law 8000 Hz audio without file headers, base64 encoded.
            public var payload: String

            /// Creates an outbound `media` object.
            public init(payload: String) {
                self.payload = payload
            }
        }
    }

    /// The outbound `mark` message, sent after `media` to learn when it has played.
    public struct Mark: Sendable, Equatable, Codable {
        /// The SID of the stream that should receive the mark.
        public var streamSid: String
        /// The mark (`mark`).
        public var mark: MediaStreamMark

        /// Creates an outbound `mark` message.
        public init(streamSid: String, mark: MediaStreamMark) {
            self.streamSid = streamSid
            self.mark = mark
        }
    }

    /// The `clear` message: empties Twilio's audio buffer; pending marks are sent back.
    public struct Clear: Sendable, Equatable, Codable {
        /// The SID of the stream whose audio should be interrupted.
        public var streamSid: String

        /// Creates a `clear` message.
        public init(streamSid: String) {
            self.streamSid = streamSid
        }
    }
}
