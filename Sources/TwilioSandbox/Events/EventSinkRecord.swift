import Foundation
import TwilioKit

/// An Event Streams Sink (`DG…`): where the events of the subscriptions that use it go. A webhook
/// sink receives them once it is active: created `initialized`, `validating` once a test event
/// was sent, `active` once that event's `test_id` was posted back.
struct EventSinkRecord: StoredRecord {
    static let kind = "event-sink"

    /// Whether a sink receives events.
    enum Status: String, Codable, Sendable, CaseIterable {
        case initialized, validating, active, failed
    }

    /// The kinds of sink Twilio has.
    static let sinkTypes = ["kinesis", "webhook", "segment", "email"]

    let sid: String
    let accountSID: String
    var description: String
    let sinkType: String
    /// `SinkConfiguration` as given: a JSON object.
    let configuration: String
    /// A webhook sink's `destination`.
    let destination: String?
    /// Whether a webhook sink receives a JSON array of events rather than one event per request.
    let batchEvents: Bool
    var status: Status
    /// The `test_id` of the last test event sent, awaited by Validate.
    var pendingTestID: String?
    let dateCreated: Date
    var dateUpdated: Date

    /// The resource's absolute URL, as Twilio writes it in `url`.
    var url: String { "https://events.twilio.com/v1/Sinks/\(sid)" }

    /// Whether it is a webhook sink that receives events now.
    var receivesWebhooks: Bool { status == .active && sinkType == "webhook" && destination != nil }

    /// A sink as CreateSink's form describes it: `Description`, `SinkType`, `SinkConfiguration`
    /// (for a webhook, an http(s) `destination`, `method` GET or POST, boolean `batch_events`).
    static func create(_ form: FormParameters, accountSID: String) throws(SandboxError) -> EventSinkRecord {
        guard let description = form.first("Description"), !description.isEmpty else { throw .missingV2Parameter("Description") }
        guard let sinkType = form.first("SinkType") else { throw .missingV2Parameter("SinkType") }
        guard sinkTypes.contains(sinkType) else { throw .invalidV2Parameter("SinkType", sinkType) }
        guard let text = form.first("SinkConfiguration") else { throw .missingV2Parameter("SinkConfiguration") }
        guard let configuration = try? SandboxJSONParser.parse(text), case .object = configuration else {
            throw .invalidV2Parameter("SinkConfiguration", text)
        }
        var destination: String?
        var batchEvents = false
        if sinkType == "webhook" {
            guard case .string(let url)? = configuration["destination"], url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw .invalidV2Parameter("SinkConfiguration", "a webhook sink needs an http(s) destination")
            }
            switch configuration["method"] {
            case nil, .string("POST")?, .string("GET")?: break
            default: throw .invalidV2Parameter("SinkConfiguration", "method must be GET or POST")
            }
            switch configuration["batch_events"] {
            case nil: break
            case .bool(let flag)?: batchEvents = flag
            default: throw .invalidV2Parameter("SinkConfiguration", "batch_events must be true or false")
            }
            destination = url
        }
        let now = Date()
        return EventSinkRecord(sid: SID.make("DG"), accountSID: accountSID, description: description, sinkType: sinkType,
                               configuration: text, destination: destination, batchEvents: batchEvents, status: .initialized,
                               pendingTestID: nil, dateCreated: now, dateUpdated: now)
    }

    /// Twilio's JSON for the sink.
    var json: SandboxJSON {
        .object([
            ("status", .string(status.rawValue)),
            ("sink_configuration", (try? SandboxJSONParser.parse(configuration)) ?? .object([])),
            ("description", .string(description)),
            ("sid", .string(sid)),
            ("date_created", .string(TwilioDateFormat.iso8601String(from: dateCreated))),
            ("sink_type", .string(sinkType)),
            ("date_updated", .string(TwilioDateFormat.iso8601String(from: dateUpdated))),
            ("url", .string(url)),
            ("links", ["sink_test": .string(url + "/Test"), "sink_validate": .string(url + "/Validate")]),
        ])
    }
}
