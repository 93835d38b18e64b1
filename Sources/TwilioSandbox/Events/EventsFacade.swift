import Foundation
import TwilioKit

/// Event Streams' one entrance (Events v1): the sinks and subscriptions of every account, the
/// test and validation of a sink, and — in `+Publishing` — the delivery of CloudEvents to active
/// webhook sinks when something the account subscribed to happens.
struct EventsFacade: Sendable {
    let sinks: ResourceStore<EventSinkRecord>
    let subscriptions: ResourceStore<EventSubscriptionRecord>
    /// Posts the CloudEvents, signed, and logs them with the other webhooks.
    let webhooks: WebhookDispatcher
    /// Where deliveries run, so that what happened is answered before its events are delivered.
    let background: BackgroundWork

    /// The sinks and subscriptions `store` kept.
    init(store: SandboxStore?, webhooks: WebhookDispatcher, background: BackgroundWork) throws {
        sinks = try ResourceStore(store: store)
        subscriptions = try ResourceStore(store: store)
        self.webhooks = webhooks
        self.background = background
    }

    // MARK: Sinks

    /// CreateSink: the sink starts `initialized`.
    func createSink(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> EventSinkRecord {
        let sink = try EventSinkRecord.create(form, accountSID: accountSID)
        await sinks.save(sink)
        return sink
    }

    /// The sink `sid` of `accountSID`.
    func sink(_ sid: String, accountSID: String) async -> EventSinkRecord? {
        await sinks.record(sid, accountSID: accountSID)
    }

    /// ListSink: the account's sinks, oldest first, filtered by `InUse` and `Status`.
    func sinks(accountSID: String, inUse: Bool?, status: EventSinkRecord.Status?) async -> [EventSinkRecord] {
        let used = Set(await subscriptions.records(of: accountSID).map(\.sinkSID))
        return await sinks.records(of: accountSID) { sink in
            (inUse.map { used.contains(sink.sid) == $0 } ?? true) && (status.map { sink.status == $0 } ?? true)
        }
    }

    /// UpdateSink: `Description` (required), the one thing that changes.
    func updateSink(_ sink: EventSinkRecord, form: FormParameters) async throws(SandboxError) -> EventSinkRecord {
        guard let description = form.first("Description"), !description.isEmpty else { throw .missingV2Parameter("Description") }
        return await sinks.modify(sink.sid) {
            $0.description = description
            $0.dateUpdated = Date()
        } ?? sink
    }

    /// DeleteSink, refused while a subscription uses the sink.
    func deleteSink(_ sink: EventSinkRecord) async throws(SandboxError) {
        if let user = await subscriptions.newest(where: { $0.sinkSID == sink.sid }) {
            throw SandboxError(.badRequest, code: 20001, "Sink with SID \(sink.sid) is in use by subscription \(user.sid)")
        }
        await sinks.delete(sink.sid, accountSID: sink.accountSID)
    }

    /// CreateSinkTest: the sink awaits validation, and a test event carrying a new `test_id` is
    /// delivered to a webhook sink's destination.
    func testSink(_ sink: EventSinkRecord) async {
        let testID = UUID().uuidString.lowercased()
        guard let tested = await sinks.modify(sink.sid, {
            $0.pendingTestID = testID
            if $0.status != .active { $0.status = .validating }
            $0.dateUpdated = Date()
        }) else { return }
        let event = CloudEvent(id: tested.accountSID, type: CloudEvent.sinkTestEventType, source: "Sink",
                               time: TwilioDateFormat.iso8601String(from: Date()),
                               dataschema: "https://events-schemas.twilio.com/EventStreams.TestSink/1.json",
                               data: ["test_id": .string(testID)])
        deliver([event], to: tested)
    }

    /// CreateSinkValidate: `TestId` must be the `test_id` of the last test event; then the sink is
    /// active. Whether it was.
    func validateSink(_ sink: EventSinkRecord, form: FormParameters) async throws(SandboxError) -> Bool {
        guard let testID = form.first("TestId"), !testID.isEmpty else { throw .missingV2Parameter("TestId") }
        let validated = await sinks.transition(sink.sid) { sink -> Bool? in
            guard sink.pendingTestID == testID else { return nil }
            sink.status = .active
            sink.pendingTestID = nil
            sink.dateUpdated = Date()
            return true
        }
        return validated != nil
    }

    // MARK: Subscriptions

    /// CreateSubscription: `Description`, `SinkSid` (an active sink of the account) and one or
    /// more `Types`.
    func createSubscription(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> EventSubscriptionRecord {
        guard let description = form.first("Description"), !description.isEmpty else { throw .missingV2Parameter("Description") }
        guard let sinkSID = form.first("SinkSid") else { throw .missingV2Parameter("SinkSid") }
        guard let sink = await sinks.record(sinkSID, accountSID: accountSID) else { throw .invalidV2Parameter("SinkSid", sinkSID) }
        guard sink.status == .active else {
            throw SandboxError(.badRequest, code: 20001, "Sink \(sinkSID) must be active for the subscription to be created (it is \(sink.status.rawValue))")
        }
        let given = form.values("Types")
        guard !given.isEmpty else { throw .missingV2Parameter("Types") }
        var types: [EventSubscriptionRecord.SubscribedType] = []
        for text in given {
            let type = try EventSubscriptionRecord.subscribedType(json: text)
            if !types.contains(where: { $0.type == type.type }) { types.append(type) }
        }
        let now = Date()
        let subscription = EventSubscriptionRecord(sid: SID.make("DF"), accountSID: accountSID, description: description, sinkSID: sinkSID,
                                                   types: types, dateCreated: now, dateUpdated: now)
        await subscriptions.save(subscription)
        return subscription
    }

    /// The subscription `sid` of `accountSID`.
    func subscription(_ sid: String, accountSID: String) async -> EventSubscriptionRecord? {
        await subscriptions.record(sid, accountSID: accountSID)
    }

    /// ListSubscription: the account's subscriptions, oldest first, or those of one sink.
    func subscriptions(accountSID: String, sinkSID: String?) async -> [EventSubscriptionRecord] {
        await subscriptions.records(of: accountSID) { subscription in sinkSID.map { subscription.sinkSID == $0 } ?? true }
    }

    /// UpdateSubscription: its `Description`.
    func updateSubscription(_ subscription: EventSubscriptionRecord, form: FormParameters) async -> EventSubscriptionRecord {
        guard let description = form.first("Description") else { return subscription }
        return await subscriptions.modify(subscription.sid) {
            $0.description = description
            $0.dateUpdated = Date()
        } ?? subscription
    }

    /// DeleteSubscription (its sink stays).
    func deleteSubscription(_ subscription: EventSubscriptionRecord) async {
        await subscriptions.delete(subscription.sid, accountSID: subscription.accountSID)
    }

    /// CreateSubscribedEvent: `Type` and, optionally, `SchemaVersion`; 409 when it is there already.
    func addSubscribedEvent(_ form: FormParameters,
                            to subscription: EventSubscriptionRecord) async throws(SandboxError) -> EventSubscriptionRecord.SubscribedType {
        guard let type = form.first("Type") else { throw .missingV2Parameter("Type") }
        let added = try EventSubscriptionRecord.subscribedType(type, version: try form.v2Int("SchemaVersion", in: 1...Int.max), parameter: "Type")
        let stored = await subscriptions.transition(subscription.sid) { subscription -> Bool? in
            guard !subscription.types.contains(where: { $0.type == type }) else { return nil }
            subscription.types.append(added)
            subscription.dateUpdated = Date()
            return true
        }
        guard stored != nil else { throw SandboxError(.conflict, code: 20001, "\(type) is already subscribed by \(subscription.sid)") }
        return added
    }

    /// UpdateSubscribedEvent: the `SchemaVersion` one of its types is delivered in.
    func updateSubscribedEvent(_ type: String, form: FormParameters,
                               of subscription: EventSubscriptionRecord) async throws(SandboxError) -> EventSubscriptionRecord.SubscribedType? {
        guard let version = try form.v2Int("SchemaVersion", in: 1...Int.max) else { throw .missingV2Parameter("SchemaVersion") }
        let updated = try EventSubscriptionRecord.subscribedType(type, version: version, parameter: "SchemaVersion")
        let stored = await subscriptions.transition(subscription.sid) { subscription -> Bool? in
            guard let index = subscription.types.firstIndex(where: { $0.type == type }) else { return nil }
            subscription.types[index] = updated
            subscription.dateUpdated = Date()
            return true
        }
        return stored == nil ? nil : updated
    }

    /// DeleteSubscribedEvent; whether the subscription had the type.
    func removeSubscribedEvent(_ type: String, from subscription: EventSubscriptionRecord) async -> Bool {
        await subscriptions.transition(subscription.sid) { subscription -> Bool? in
            guard subscription.types.contains(where: { $0.type == type }) else { return nil }
            subscription.types.removeAll { $0.type == type }
            subscription.dateUpdated = Date()
            return true
        } != nil
    }
}
