/// What a workflow knows of its call when the stream starts: Twilio's `start` message, and the
/// parties the connector passed along as `<Parameter>`s.
public struct CallStart: Sendable, Equatable {
    /// The call (`CA…`).
    public let callSid: String
    /// The media stream (`MZ…`).
    public let streamSid: String
    /// The account (`AC…`).
    public let accountSid: String
    /// The caller (the Twilio number of an outbound call), when known.
    public let from: String?
    /// The callee (the Twilio number of an inbound call), when known.
    public let to: String?
    /// `inbound` or `outbound-api`, when known.
    public let direction: String?
    /// The `<Stream>`'s custom parameters, without the connector's own (its one-time token).
    public let customParameters: [String: String]

    /// Creates the start of a call.
    public init(callSid: String, streamSid: String, accountSid: String, from: String? = nil, to: String? = nil, direction: String? = nil,
                customParameters: [String: String] = [:]) {
        self.callSid = callSid
        self.streamSid = streamSid
        self.accountSid = accountSid
        self.from = from
        self.to = to
        self.direction = direction
        self.customParameters = customParameters
    }
}
