import Foundation

/// The parameters of CreateTranscript (`POST /v2/Transcripts`).
public struct TranscriptCreateParameters: Sendable, Equatable {
    /// The Voice Intelligence Service (`GA…`) that transcribes.
    public var serviceSid: String
    /// The media channel, as Twilio's `Channel` JSON: its `media_properties` (a recording's
    /// `source_sid`, or a `media_url`) and optionally its `participants`.
    public var channel: JSONValue
    /// Your own key for the transcript (up to 64 characters).
    public var customerKey: String?
    /// When the media started.
    public var mediaStartTime: Date?

    /// Creates the parameters.
    public init(serviceSid: String, channel: JSONValue, customerKey: String? = nil, mediaStartTime: Date? = nil) {
        self.serviceSid = serviceSid
        self.channel = channel
        self.customerKey = customerKey
        self.mediaStartTime = mediaStartTime
    }

    /// A channel whose media is a Twilio recording (`RE…`).
    public static func recordingChannel(_ recordingSid: String) -> JSONValue {
        ["media_properties": ["source_sid": .string(recordingSid)]]
    }

    /// A channel whose media is audio at `url`.
    public static func mediaURLChannel(_ url: String) -> JSONValue {
        ["media_properties": ["media_url": .string(url)]]
    }

    /// The form body.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("ServiceSid", serviceSid)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        form.add("Channel", (try? encoder.encode(channel)).map { String(decoding: $0, as: UTF8.self) })
        form.add("CustomerKey", customerKey)
        form.add("MediaStartTime", dateTime: mediaStartTime)
        return form
    }
}
