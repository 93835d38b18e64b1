extension TwiML {
    /// `<Stream>`: streams the call's audio to a WebSocket (inside `<Connect>`, bidirectionally).
    public struct Stream: Sendable, Equatable {
        /// The `wss://` URL of the WebSocket server.
        public var url: String
        /// A name for the stream, unique per call, if any.
        public var name: String?
        /// Which audio to send. Default ``Track/inboundTrack`` (the only value `<Connect>` accepts).
        public var track: Track
        /// Where Twilio reports stream status changes, if anywhere.
        public var statusCallback: String?
        /// How to request ``statusCallback``. Default `POST`.
        public var statusCallbackMethod: Method
        /// Custom parameters passed to the WebSocket server in the `start` message.
        public var parameters: [Parameter]

        /// Creates a `<Stream>` with Twilio's defaults for every attribute not given.
        public init(
            url: String,
            name: String? = nil,
            track: Track = .inboundTrack,
            statusCallback: String? = nil,
            statusCallbackMethod: Method = .post,
            parameters: [Parameter] = []
        ) {
            self.url = url
            self.name = name
            self.track = track
            self.statusCallback = statusCallback
            self.statusCallbackMethod = statusCallbackMethod
            self.parameters = parameters
        }

        /// The `track` attribute's values.
        public enum Track: String, Sendable, Equatable, CaseIterable {
            /// Audio from the caller; Twilio's default.
            case inboundTrack = "inbound_track"
            /// Audio Twilio sends to the caller.
            case outboundTrack = "outbound_track"
            /// Both directions.
            case bothTracks = "both_tracks"
        }
    }
}

extension TwiML.Stream {
    static let elementName = "Stream"

    init(element: TwiMLElement) throws {
        self.init(
            url: try element.requiredString("url"),
            name: element.string("name"),
            track: try element.choice("track", default: .inboundTrack),
            statusCallback: element.string("statusCallback"),
            statusCallbackMethod: try element.method("statusCallbackMethod"),
            parameters: try element.childElements().map { child in
                guard child.name == TwiML.Parameter.elementName else {
                    throw TwiMLParseError.unexpectedElement(child.name, parent: element.name)
                }
                return try TwiML.Parameter(element: child)
            }
        )
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: [
            "url": url,
            "name": name,
            "track": TwiMLElement.value(track, default: .inboundTrack),
            "statusCallback": statusCallback,
            "statusCallbackMethod": TwiMLElement.value(statusCallbackMethod, default: .post),
        ], elements: parameters.map(\.element))
    }
}
