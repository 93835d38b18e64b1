import Foundation

extension MediaStreamInboundMessage.Media.Payload {
    /// The µ-law audio bytes decoded from the base64 ``payload``, or `nil` when the payload
    /// is not valid base64. ``MuLaw`` decodes them to linear PCM.
    public var audioBytes: [UInt8]? {
        Data(base64Encoded: payload).map { [UInt8]($0) }
    }
}

extension MediaStreamOutboundMessage.Media.Payload {
    /// Creates an outbound `media` object from raw µ-law bytes (no file header).
    ///
    /// - Parameter muLawBytes: µ-law 8000 Hz mono audio, e.g. from ``MuLaw``.
    public init(muLawBytes: [UInt8]) {
        self.init(payload: Data(muLawBytes).base64EncodedString())
    }

    /// The µ-law audio bytes decoded from the base64 ``payload``, or `nil` when the payload
    /// is not valid base64.
    public var audioBytes: [UInt8]? {
        Data(base64Encoded: payload).map { [UInt8]($0) }
    }
}

extension MediaStreamOutboundMessage {
    /// Makes a `media` message that plays µ-law audio on the stream.
    ///
    /// - Parameters:
    ///   - streamSid: The SID of the stream that should play the audio.
    ///   - muLawBytes: µ-law 8000 Hz mono audio without a file header.
    /// - Returns: `{"event": "media", "streamSid": …, "media": {"payload": <base64>}}`.
    public static func media(streamSid: String, muLawBytes: [UInt8]) -> MediaStreamOutboundMessage {
        .media(Media(streamSid: streamSid, media: Media.Payload(muLawBytes: muLawBytes)))
    }
}
