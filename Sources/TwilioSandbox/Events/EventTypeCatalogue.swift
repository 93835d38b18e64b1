import Foundation
import TwilioKit

/// The Event Streams event types the sandbox emits (`/v1/Types`) and the schemas their data
/// follows (`/v1/Schemas`): inbound messages, message statuses and call progress.
enum EventTypeCatalogue {
    /// An event type and its schema.
    struct Entry: Sendable {
        let type: String
        let schemaID: String
        let description: String
    }

    /// A schema and its latest version.
    struct Schema: Sendable {
        let id: String
        let latestVersion: Int
    }

    static let inboundMessage = "com.twilio.messaging.inbound-message.received"
    /// `com.twilio.messaging.message.<status>`.
    static func messageStatus(_ status: String) -> String { "com.twilio.messaging.message." + status }
    /// `com.twilio.voice.status-callback.call.<event>` (`initiated`, `ringing`, `answered`, `completed`).
    static func callProgress(_ event: String) -> String { "com.twilio.voice.status-callback.call." + event }

    static let schemas: [Schema] = [
        Schema(id: "Messaging.InboundMessageV1", latestVersion: 6),
        Schema(id: "Messaging.MessageStatus", latestVersion: 8),
        Schema(id: "Voice.WebhookEvent", latestVersion: 2),
    ]

    static let entries: [Entry] =
        [Entry(type: inboundMessage, schemaID: "Messaging.InboundMessageV1", description: "Messaging- inbound message received")]
        + ["queued", "sent", "delivered", "failed", "undelivered", "read"].map {
            Entry(type: messageStatus($0), schemaID: "Messaging.MessageStatus", description: "Messaging- \($0) message")
        }
        + ["initiated", "ringing", "answered", "completed"].map {
            Entry(type: callProgress($0), schemaID: "Voice.WebhookEvent", description: "Voice- call \($0) status callback")
        }

    /// When the catalogue was published, as the types' dates say.
    static let published = Date(timeIntervalSince1970: 1_597_325_300)

    static func entry(_ type: String) -> Entry? { entries.first { $0.type == type } }

    static func schema(_ id: String) -> Schema? { schemas.first { $0.id == id } }

    /// The latest schema version of `type`'s data.
    static func latestVersion(of type: String) -> Int? {
        entry(type).flatMap { schema($0.schemaID) }?.latestVersion
    }

    /// The `dataschema` of an event of `type` in `version`.
    static func dataSchema(_ type: String, version: Int) -> String? {
        entry(type).map { "https://events-schemas.twilio.com/\($0.schemaID)/\(version)" }
    }

    /// Twilio's JSON for an event type.
    static func json(_ entry: Entry) -> SandboxJSON {
        let date = SandboxJSON.string(TwilioDateFormat.iso8601String(from: published))
        return .object([
            ("date_created", date), ("date_updated", date), ("type", .string(entry.type)), ("schema_id", .string(entry.schemaID)),
            ("status", "available"), ("documentation_url", .null), ("description", .string(entry.description)),
            ("url", .string("https://events.twilio.com/v1/Types/\(entry.type)")),
            ("links", ["schema": .string("https://events.twilio.com/v1/Schemas/\(entry.schemaID)/Versions")]),
        ])
    }

    /// Twilio's JSON for a schema.
    static func json(_ schema: Schema) -> SandboxJSON {
        let url = "https://events.twilio.com/v1/Schemas/\(schema.id)"
        return .object([
            ("id", .string(schema.id)), ("url", .string(url)),
            ("latest_version_date_created", .string(TwilioDateFormat.iso8601String(from: published))),
            ("latest_version", .int(schema.latestVersion)), ("links", ["versions": .string(url + "/Versions")]),
        ])
    }

    /// Twilio's JSON for one version of a schema.
    static func json(_ schema: Schema, version: Int) -> SandboxJSON {
        .object([
            ("id", .string(schema.id)), ("schema_version", .int(version)),
            ("date_created", .string(TwilioDateFormat.iso8601String(from: published))),
            ("url", .string("https://events.twilio.com/v1/Schemas/\(schema.id)/Versions/\(version)")),
            ("raw", .string("https://events-schemas.twilio.com/\(schema.id)/\(version)")),
        ])
    }
}
