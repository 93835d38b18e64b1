import Foundation

/// A CloudEvents 1.0 event in JSON form, as Event Streams delivers it to a webhook sink.
///
/// ```json
/// {"specversion":"1.0","type":"com.twilio.messaging.message.delivered","source":"/2010-04-01/Accounts/AC…/Messages/SM….json",
///  "id":"EZ…","dataschema":"https://events-schemas.twilio.com/Messaging.MessageStatus/8",
///  "datacontenttype":"application/json","time":"2025-01-01T00:00:00.000Z","data":{"messageStatus":"DELIVERED",…}}
/// ```
///
/// Deliveries are at least once and unordered: deduplicate on ``id``.
public struct CloudEvent: Codable, Sendable, Equatable {
    /// The CloudEvents version, `1.0`.
    public var specversion: String
    /// The event's id, unique per ``source`` (`EZ…`, `VW…`, `NO…`; the Account SID for a sink test).
    public var id: String
    /// The event type, such as `com.twilio.messaging.message.delivered`.
    public var type: String
    /// What the event is about: a REST path such as `/2010-04-01/Accounts/AC…/Messages/SM….json`.
    public var source: String
    /// When the event happened, as written (RFC 3339); see ``date``.
    public var time: String?
    /// The media type of ``data``, `application/json`.
    public var datacontenttype: String?
    /// The schema ``data`` follows: `https://events-schemas.twilio.com/<SchemaId>/<version>`.
    public var dataschema: String?
    /// The event's payload, keys as Twilio sends them (camelCase in Event Streams).
    public var data: JSONValue?

    /// Creates an event.
    public init(specversion: String = "1.0", id: String, type: String, source: String, time: String? = nil,
                datacontenttype: String? = "application/json", dataschema: String? = nil, data: JSONValue? = nil) {
        self.specversion = specversion
        self.id = id
        self.type = type
        self.source = source
        self.time = time
        self.datacontenttype = datacontenttype
        self.dataschema = dataschema
        self.data = data
    }

    /// ``time`` as a date, when it is an ISO 8601 timestamp in UTC.
    public var date: Date? {
        time.flatMap(TwilioDateFormat.date(from:))
    }

    /// The type of the test event Twilio sends to a sink after ``EventsAPI/testSink(_:)``.
    public static let sinkTestEventType = "com.twilio.eventstreams.test-event"
}
