import Foundation
import TwilioKit

/// An Event Streams Subscription (`DF…`): which event types, in which schema versions, go to
/// which sink.
struct EventSubscriptionRecord: StoredRecord {
    static let kind = "event-subscription"

    /// One event type of the subscription.
    struct SubscribedType: Codable, Sendable, Equatable {
        let type: String
        var schemaVersion: Int
    }

    let sid: String
    let accountSID: String
    var description: String
    let sinkSID: String
    var types: [SubscribedType]
    let dateCreated: Date
    var dateUpdated: Date

    /// The resource's absolute URL, as Twilio writes it in `url`.
    var url: String { "https://events.twilio.com/v1/Subscriptions/\(sid)" }

    /// One `Types` value of CreateSubscription (`{"type": "…", "schema_version": 2}`), or
    /// `Type` and `SchemaVersion` of CreateSubscribedEvent: a type of the catalogue, in one of
    /// its schema's versions (the latest when none is given).
    static func subscribedType(_ type: String, version: Int?, parameter: String) throws(SandboxError) -> SubscribedType {
        guard let latest = EventTypeCatalogue.latestVersion(of: type) else { throw .invalidV2Parameter(parameter, type) }
        let version = version ?? latest
        guard (1...latest).contains(version) else { throw .invalidV2Parameter(parameter, "\(type) has no schema version \(version)") }
        return SubscribedType(type: type, schemaVersion: version)
    }

    /// A `Types` value: a JSON object with `type` and, optionally, `schema_version`.
    static func subscribedType(json text: String) throws(SandboxError) -> SubscribedType {
        guard let value = try? SandboxJSONParser.parse(text), case .string(let type)? = value["type"] else {
            throw .invalidV2Parameter("Types", text)
        }
        switch value["schema_version"] {
        case nil, .null?: return try subscribedType(type, version: nil, parameter: "Types")
        case .int(let version)?: return try subscribedType(type, version: version, parameter: "Types")
        case .number(let text)?:
            guard let version = Int(text) else { throw .invalidV2Parameter("Types", text) }
            return try subscribedType(type, version: version, parameter: "Types")
        default: throw .invalidV2Parameter("Types", text)
        }
    }

    /// Twilio's JSON for the subscription.
    var json: SandboxJSON {
        .object([
            ("account_sid", .string(accountSID)),
            ("date_created", .string(TwilioDateFormat.iso8601String(from: dateCreated))),
            ("date_updated", .string(TwilioDateFormat.iso8601String(from: dateUpdated))),
            ("sid", .string(sid)),
            ("sink_sid", .string(sinkSID)),
            ("description", .string(description)),
            ("url", .string(url)),
            ("links", ["subscribed_events": .string(url + "/SubscribedEvents")]),
        ])
    }

    /// Twilio's JSON for one of its event types.
    func json(_ subscribed: SubscribedType) -> SandboxJSON {
        .object([
            ("account_sid", .string(accountSID)), ("type", .string(subscribed.type)), ("schema_version", .int(subscribed.schemaVersion)),
            ("subscription_sid", .string(sid)), ("url", .string(url + "/SubscribedEvents/" + subscribed.type)),
        ])
    }
}
