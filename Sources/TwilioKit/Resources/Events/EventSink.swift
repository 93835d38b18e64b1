import Foundation

/// An Event Streams Sink (`DG…`): where Twilio delivers the events of the subscriptions that use it.
public struct EventSink: Codable, Sendable, Equatable {
    /// `DG…`.
    public var sid: String?
    /// A description (no PII).
    public var description: String?
    /// How Twilio reaches the sink: for a webhook `destination`, `method` and `batch_events`; for
    /// Kinesis `arn`, `role_arn` and `external_id`; for Segment `write_key`.
    public var sinkConfiguration: JSONValue?
    /// The kind of sink.
    public var sinkType: SinkType?
    /// Whether the sink receives events.
    public var status: Status?
    /// When the sink was created.
    public var dateCreated: Date?
    /// When the sink was last updated.
    public var dateUpdated: Date?
    /// The resource's absolute URL.
    public var url: String?
    /// The URLs of related resources, by name (`sink_test`, `sink_validate`).
    public var links: [String: String]?

    /// The kind of a sink.
    public enum SinkType: String, TwilioEnum {
        /// An Amazon Kinesis stream.
        case kinesis
        /// An HTTP(S) endpoint.
        case webhook
        /// A Segment source.
        case segment
        /// An email address.
        case email
        /// A kind this library does not know yet.
        case unknown
    }

    /// Whether a sink receives events.
    public enum Status: String, TwilioEnum {
        /// Created, not yet validated.
        case initialized
        /// A test event was sent and awaits validation.
        case validating
        /// Receiving events.
        case active
        /// Validation failed.
        case failed
        /// A status this library does not know yet.
        case unknown
    }
}
