/// Every parameter of CreateSubscription (`POST /v1/Subscriptions`).
public struct EventSubscriptionCreateParameters: Sendable, Equatable {
    /// A description (no PII).
    public var description: String
    /// The sink (`DG…`) the events go to; it must be active.
    public var sinkSid: String
    /// The event types to subscribe to (at least one).
    public var types: [EventTypeSelection]

    /// Creates the parameters.
    public init(description: String, sinkSid: String, types: [EventTypeSelection]) {
        self.description = description
        self.sinkSid = sinkSid
        self.types = types
    }

    /// The form body, with Twilio's parameter names: each type a `Types` value holding a JSON
    /// object (`{"schema_version":1,"type":"com.twilio.messaging.message.delivered"}`).
    public var form: FormParameters {
        var form = FormParameters()
        form.add("Description", description)
        form.add("SinkSid", sinkSid)
        for type in types { form.add("Types", json: type) }
        return form
    }
}
