/// Every parameter of CreateSink (`POST /v1/Sinks`).
public struct EventSinkCreateParameters: Sendable, Equatable {
    /// A description (no PII).
    public var description: String
    /// The kind of sink.
    public var sinkType: SinkType
    /// How Twilio reaches the sink, sent as a JSON object (see ``webhook(description:destination:method:batchEvents:)``).
    public var sinkConfiguration: [String: JSONValue]

    /// Creates parameters for any kind of sink.
    public init(description: String, sinkType: SinkType, sinkConfiguration: [String: JSONValue]) {
        self.description = description
        self.sinkType = sinkType
        self.sinkConfiguration = sinkConfiguration
    }

    /// A webhook sink: Twilio sends CloudEvents to `destination`, signed like its other JSON webhooks.
    /// - Parameters:
    ///   - description: A description (no PII).
    ///   - destination: The endpoint's URL; user information in it becomes Basic authentication.
    ///   - method: `POST` (Twilio's default) or `GET`.
    ///   - batchEvents: Whether a delivery holds an array of events rather than a single one.
    public static func webhook(description: String, destination: String, method: HTTPMethod = .post,
                               batchEvents: Bool? = nil) -> EventSinkCreateParameters {
        var configuration: [String: JSONValue] = ["destination": .string(destination), "method": .string(method.rawValue)]
        if let batchEvents { configuration["batch_events"] = .bool(batchEvents) }
        return EventSinkCreateParameters(description: description, sinkType: .webhook, sinkConfiguration: configuration)
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("Description", description)
        form.add("SinkConfiguration", json: sinkConfiguration)
        form.add("SinkType", sinkType)
        return form
    }

    /// The kind of a sink.
    public enum SinkType: String, Sendable, CaseIterable {
        /// An Amazon Kinesis stream.
        case kinesis
        /// An HTTP(S) endpoint.
        case webhook
        /// A Segment source.
        case segment
        /// An email address.
        case email
    }
}
