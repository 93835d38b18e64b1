/// Event Streams (Events v1): sinks that receive events, subscriptions that choose which event
/// types reach a sink, and the catalogue of event types and their schemas.
public struct EventsAPI: Sendable {
    let client: TwilioClient

    private func sinkPath(_ sid: String) -> String {
        "/v1/Sinks/" + TwilioRequest.segment(sid)
    }

    private func subscriptionPath(_ sid: String) -> String {
        "/v1/Subscriptions/" + TwilioRequest.segment(sid)
    }

    private func subscribedEventPath(_ type: String, subscriptionSid: String) -> String {
        subscriptionPath(subscriptionSid) + "/SubscribedEvents/" + TwilioRequest.segment(type)
    }

    private static func pageQuery(_ pageSize: Int?) -> FormParameters {
        var query = FormParameters()
        query.add("PageSize", pageSize)
        return query
    }

    // MARK: Sinks

    /// Creates a sink; it starts `initialized` (see ``testSink(_:)``).
    public func createSink(_ parameters: EventSinkCreateParameters) async throws(TwilioError) -> EventSink {
        try await client.send(TwilioRequest(.post, .events, "/v1/Sinks", form: parameters.form))
    }

    /// Fetches a sink (`DG…`).
    public func fetchSink(_ sid: String) async throws(TwilioError) -> EventSink {
        try await client.send(TwilioRequest(.get, .events, sinkPath(sid)))
    }

    /// Lists the account's sinks, page by page up to `limit`.
    public func listSinks(_ filter: EventSinkListFilter = .init(), limit: Int? = nil) -> TwilioList<EventSink> {
        client.list(TwilioRequest(.get, .events, "/v1/Sinks", query: filter.query), limit: limit)
    }

    /// Changes a sink's description, the one thing about a sink that can change.
    public func updateSink(_ sid: String, description: String) async throws(TwilioError) -> EventSink {
        var form = FormParameters()
        form.add("Description", description)
        return try await client.send(TwilioRequest(.post, .events, sinkPath(sid), form: form))
    }

    /// Deletes a sink (which no subscription may use).
    public func deleteSink(_ sid: String) async throws(TwilioError) {
        try await client.send(TwilioRequest(.delete, .events, sinkPath(sid)))
    }

    /// Asks Twilio to send the sink a test event (`com.twilio.eventstreams.test-event`, whose
    /// `data.test_id` ``validateSink(_:testID:)`` takes); answers `submitted`.
    public func testSink(_ sid: String) async throws(TwilioError) -> EventSinkResult {
        try await client.send(TwilioRequest(.post, .events, sinkPath(sid) + "/Test"))
    }

    /// Confirms that the sink received the test event with `testID`; answers `valid`.
    public func validateSink(_ sid: String, testID: String) async throws(TwilioError) -> EventSinkResult {
        var form = FormParameters()
        form.add("TestId", testID)
        return try await client.send(TwilioRequest(.post, .events, sinkPath(sid) + "/Validate", form: form))
    }

    // MARK: Subscriptions

    /// Subscribes a sink to event types.
    public func createSubscription(_ parameters: EventSubscriptionCreateParameters) async throws(TwilioError) -> EventSubscription {
        try await client.send(TwilioRequest(.post, .events, "/v1/Subscriptions", form: parameters.form))
    }

    /// Fetches a subscription (`DF…`).
    public func fetchSubscription(_ sid: String) async throws(TwilioError) -> EventSubscription {
        try await client.send(TwilioRequest(.get, .events, subscriptionPath(sid)))
    }

    /// Lists the account's subscriptions, or those of one sink, page by page up to `limit`.
    /// - Parameters:
    ///   - sinkSid: Only the subscriptions of this sink (`DG…`).
    ///   - pageSize: Subscriptions per page (1…1000); by default set from `limit`.
    public func listSubscriptions(sinkSid: String? = nil, pageSize: Int? = nil, limit: Int? = nil) -> TwilioList<EventSubscription> {
        var query = FormParameters()
        query.add("SinkSid", sinkSid)
        query.add("PageSize", pageSize)
        return client.list(TwilioRequest(.get, .events, "/v1/Subscriptions", query: query), limit: limit)
    }

    /// Changes a subscription's description.
    public func updateSubscription(_ sid: String, description: String) async throws(TwilioError) -> EventSubscription {
        var form = FormParameters()
        form.add("Description", description)
        return try await client.send(TwilioRequest(.post, .events, subscriptionPath(sid), form: form))
    }

    /// Deletes a subscription (its sink stays).
    public func deleteSubscription(_ sid: String) async throws(TwilioError) {
        try await client.send(TwilioRequest(.delete, .events, subscriptionPath(sid)))
    }

    // MARK: Subscribed events

    /// Lists the event types a subscription delivers, page by page up to `limit`.
    /// - Parameter pageSize: Types per page (1…1000); by default set from `limit`.
    public func listSubscribedEvents(subscriptionSid: String, pageSize: Int? = nil, limit: Int? = nil) -> TwilioList<SubscribedEvent> {
        client.list(TwilioRequest(.get, .events, subscriptionPath(subscriptionSid) + "/SubscribedEvents", query: Self.pageQuery(pageSize)),
                    limit: limit)
    }

    /// Adds an event type to a subscription.
    public func addSubscribedEvent(_ selection: EventTypeSelection, subscriptionSid: String) async throws(TwilioError) -> SubscribedEvent {
        var form = FormParameters()
        form.add("Type", selection.type)
        form.add("SchemaVersion", selection.schemaVersion)
        return try await client.send(TwilioRequest(.post, .events, subscriptionPath(subscriptionSid) + "/SubscribedEvents", form: form))
    }

    /// Fetches one event type of a subscription.
    public func fetchSubscribedEvent(_ type: String, subscriptionSid: String) async throws(TwilioError) -> SubscribedEvent {
        try await client.send(TwilioRequest(.get, .events, subscribedEventPath(type, subscriptionSid: subscriptionSid)))
    }

    /// Changes the schema version a subscription delivers an event type in.
    public func updateSubscribedEvent(_ type: String, subscriptionSid: String, schemaVersion: Int) async throws(TwilioError) -> SubscribedEvent {
        var form = FormParameters()
        form.add("SchemaVersion", schemaVersion)
        return try await client.send(TwilioRequest(.post, .events, subscribedEventPath(type, subscriptionSid: subscriptionSid), form: form))
    }

    /// Removes an event type from a subscription.
    public func removeSubscribedEvent(_ type: String, subscriptionSid: String) async throws(TwilioError) {
        try await client.send(TwilioRequest(.delete, .events, subscribedEventPath(type, subscriptionSid: subscriptionSid)))
    }

    // MARK: Event types and schemas

    /// Lists the event types that can be subscribed to, page by page up to `limit`.
    /// - Parameters:
    ///   - schemaID: Only the types of this schema (`Messaging.MessageStatus`).
    ///   - pageSize: Types per page (1…1000); by default set from `limit`.
    public func listTypes(schemaID: String? = nil, pageSize: Int? = nil, limit: Int? = nil) -> TwilioList<EventType> {
        var query = FormParameters()
        query.add("SchemaId", schemaID)
        query.add("PageSize", pageSize)
        return client.list(TwilioRequest(.get, .events, "/v1/Types", query: query), limit: limit)
    }

    /// Fetches an event type (`com.twilio.messaging.message.delivered`).
    public func fetchType(_ type: String) async throws(TwilioError) -> EventType {
        try await client.send(TwilioRequest(.get, .events, "/v1/Types/" + TwilioRequest.segment(type)))
    }

    /// Fetches a schema (`Messaging.MessageStatus`).
    public func fetchSchema(_ id: String) async throws(TwilioError) -> EventSchema {
        try await client.send(TwilioRequest(.get, .events, "/v1/Schemas/" + TwilioRequest.segment(id)))
    }

    /// Lists a schema's versions, page by page up to `limit`.
    /// - Parameter pageSize: Versions per page (1…1000); by default set from `limit`.
    public func listSchemaVersions(schemaID: String, pageSize: Int? = nil, limit: Int? = nil) -> TwilioList<EventSchemaVersion> {
        client.list(TwilioRequest(.get, .events, "/v1/Schemas/" + TwilioRequest.segment(schemaID) + "/Versions", query: Self.pageQuery(pageSize)),
                    limit: limit)
    }

    /// Fetches one version of a schema.
    public func fetchSchemaVersion(_ version: Int, schemaID: String) async throws(TwilioError) -> EventSchemaVersion {
        try await client.send(TwilioRequest(.get, .events, "/v1/Schemas/" + TwilioRequest.segment(schemaID) + "/Versions/\(version)"))
    }
}

extension TwilioClient {
    /// Event Streams (Events v1).
    public var events: EventsAPI { EventsAPI(client: self) }
}
