import TwilioKit

/// The Event Streams sink and subscription a registration uses, and which of them the connector
/// created: stored as the registration's previous values, copied by every registration that
/// shares the sink, so whichever is removed last removes what was created — and only that.
struct EventStreamsSetup: Sendable, Equatable {
    /// The webhook sink (`DG…`).
    let sinkSid: String
    /// Its subscription (`DF…`).
    let subscriptionSid: String
    /// Whether the connector created the sink (else it was there, with the connector's destination).
    let createdSink: Bool
    /// Whether the connector created the subscription.
    let createdSubscription: Bool
    /// The event types the subscription had before the connector added any.
    let typesBefore: [String]

    init(sinkSid: String, subscriptionSid: String, createdSink: Bool, createdSubscription: Bool, typesBefore: [String]) {
        self.sinkSid = sinkSid
        self.subscriptionSid = subscriptionSid
        self.createdSink = createdSink
        self.createdSubscription = createdSubscription
        self.typesBefore = typesBefore
    }

    /// The setup stored as `json`; `nil` for a registration that never got one.
    init?(json: JSONValue) {
        let fields = json.objectFields ?? [:]
        guard case .string(let sink)? = fields["sinkSid"], case .string(let subscription)? = fields["subscriptionSid"] else { return nil }
        self.init(sinkSid: sink, subscriptionSid: subscription, createdSink: fields["createdSink"] == .bool(true),
                  createdSubscription: fields["createdSubscription"] == .bool(true),
                  typesBefore: Self.types(in: fields["typesBefore"]))
    }

    var json: JSONValue {
        ["sinkSid": .string(sinkSid), "subscriptionSid": .string(subscriptionSid), "createdSink": .bool(createdSink),
         "createdSubscription": .bool(createdSubscription), "typesBefore": .array(typesBefore.map(JSONValue.string))]
    }

    /// The event types an array of strings names.
    static func types(in value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap(\.scalarText)
    }
}
