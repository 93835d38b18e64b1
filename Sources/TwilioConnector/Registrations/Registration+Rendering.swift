import ConnectorStore
import TwilioKit

extension Registration {
    /// The registration as the HTTP API and `--output json` show it.
    public var json: JSONValue {
        [
            "id": .string(id), "trigger": .string(trigger), "via": .string(kind.rawValue),
            "phoneNumber": phoneNumber.map(JSONValue.string) ?? .null, "resourceSid": .string(resourceSid), "field": .string(field),
            "url": .string(url), "previous": previous, "applied": applied,
            "createdAt": .string(TwilioDateFormat.iso8601String(from: createdAt)),
        ]
    }

    /// Where it is: `+15005550006 SmsUrl`, `+15005550006's Messaging Service MG… InboundRequestUrl`,
    /// `Event Streams sink DG…`.
    public var location: String {
        switch kind {
        case .number: "\(phoneNumber ?? resourceSid) \(field)"
        case .messagingService: "\(phoneNumber.map { "\($0)'s " } ?? "")Messaging Service \(resourceSid) \(field)"
        case .eventStreams: "Event Streams sink \(resourceSid.isEmpty ? "(being set up)" : resourceSid)"
        }
    }

    /// What it replaced: the settings before (`sms_url=https://… sms_method=POST`, `nothing set`),
    /// or the sink and subscription it uses and whether the connector created them.
    public var previousDescription: String {
        switch kind {
        case .number:
            return OwnedSettings(names: NumberField(rawValue: field)?.settingNames ?? [], json: previous).description
        case .messagingService:
            return OwnedSettings(names: ServiceWebhookSlot(serviceSid: resourceSid).settingNames, json: previous).description
        case .eventStreams:
            guard let setup = EventStreamsSetup(json: previous) else { return "nothing yet" }
            return "sink \(setup.sinkSid) (\(setup.createdSink ? "created" : "found")), subscription \(setup.subscriptionSid) "
                + "(\(setup.createdSubscription ? "created" : "found\(setup.typesBefore.isEmpty ? "" : " with " + setup.typesBefore.joined(separator: ", "))"))"
        }
    }
}
