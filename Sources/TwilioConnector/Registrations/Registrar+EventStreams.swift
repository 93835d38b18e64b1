import ConnectorStore
import Foundation
import TwilioKit

/// Registering on Event Streams: one webhook sink whose destination is the connector's
/// `/webhooks/twilio/events` (found, or created and validated with Sink Test + Validate), and one
/// subscription of it holding the event types of every trigger registered there.
extension Registrar {
    /// What a registration being set up has created so far, to remove if it fails.
    struct Created: Sendable {
        var sinkSid: String?
        var subscriptionSid: String?
        var addedTypes: [(subscriptionSid: String, type: String)] = []
    }

    static let eventStreamsDescription = "twilio-connector triggers"

    func registerOnEventStreams(_ trigger: TriggerDefinition) async throws(RegistrationError) -> Registration {
        let types = try TriggerPlacement.eventTypes(for: trigger)
        guard let base = webhookBaseURL() else { throw .noPublicURL }
        let destination = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/webhooks/twilio/events"
        let claimed = Registration(
            id: Registration.makeID(), trigger: trigger.name, kind: .eventStreams, slot: "event-streams:" + trigger.name, resourceSid: "",
            phoneNumber: nil, field: "EventStreams", url: destination, previous: [:], applied: ["types": .array(types.map(JSONValue.string))],
            createdAt: now())
        try await claim(claimed)
        var created = Created()
        do throws(RegistrationError) {
            let setup = try await setUp(destination: destination, types: types, created: &created)
            let registration = claimed.with(resourceSid: setup.sinkSid, previous: setup.json)
            _ = try await stored { () throws(StoreError) in try await store.updateRegistration(registration) }
            return registration
        } catch {
            await undo(created)
            _ = try? await store.deleteRegistration(id: claimed.id)
            throw error
        }
    }

    /// Removes the registration's event types from the subscription, unless another registration
    /// (or the subscription before the connector) needs them; the last registration of the sink
    /// removes the subscription and the sink, if the connector created them.
    func unregisterFromEventStreams(_ registration: Registration) async throws(RegistrationError) {
        guard let setup = EventStreamsSetup(json: registration.previous) else { return }
        let others = try await stored { () throws(StoreError) in try await store.registrations() }.filter {
            $0.kind == .eventStreams && $0.resourceSid == setup.sinkSid && $0.id != registration.id
        }
        if others.isEmpty, setup.createdSubscription {
            try await ignoringAbsence { () throws(TwilioError) in try await client.events.deleteSubscription(setup.subscriptionSid) }
        } else {
            let needed = Set(setup.typesBefore + others.flatMap { EventStreamsSetup.types(in: $0.applied.objectFields?["types"]) })
            let present = try await subscribedTypes(setup.subscriptionSid)
            for type in EventStreamsSetup.types(in: registration.applied.objectFields?["types"]) where !needed.contains(type) && present.contains(type) {
                try await ignoringAbsence { () throws(TwilioError) in
                    try await client.events.removeSubscribedEvent(type, subscriptionSid: setup.subscriptionSid)
                }
            }
        }
        if others.isEmpty, setup.createdSink {
            try await ignoringAbsence { () throws(TwilioError) in try await client.events.deleteSink(setup.sinkSid) }
        }
    }

    /// The sink and subscription for `destination` with `types` subscribed: those another
    /// registration uses, else those on the account, else new ones.
    private func setUp(destination: String, types: [String], created: inout Created) async throws(RegistrationError) -> EventStreamsSetup {
        let shared = try await stored { () throws(StoreError) in try await store.registrations() }.lazy
            .filter { $0.kind == .eventStreams && $0.url == destination }.compactMap { EventStreamsSetup(json: $0.previous) }.first
        if let shared {
            try await subscribe(shared.subscriptionSid, to: types, present: try await subscribedTypes(shared.subscriptionSid), created: &created)
            return shared
        }
        let sinks = try await twilio("Listing the Event Streams sinks") { () throws(TwilioError) in try await client.events.listSinks().collect() }
        let found = sinks.first { $0.sinkType == .webhook && $0.sinkConfiguration?.objectFields?["destination"]?.scalarText == destination }
        let sink: EventSink
        if let found {
            sink = found
        } else {
            sink = try await twilio("Creating an Event Streams sink for \(destination)") { () throws(TwilioError) in
                try await client.events.createSink(.webhook(description: Self.eventStreamsDescription, destination: destination, batchEvents: true))
            }
        }
        guard let sinkSid = sink.sid else { throw .notConfirmed("Twilio answered a sink without a SID.") }
        if found == nil { created.sinkSid = sinkSid }
        if sink.status != .active { try await validate(sinkSid, destination: destination) }
        let subscriptions = try await twilio("Listing the subscriptions of \(sinkSid)") { () throws(TwilioError) in
            try await client.events.listSubscriptions(sinkSid: sinkSid).collect()
        }
        if let existing = subscriptions.first?.sid {
            let before = try await subscribedTypes(existing)
            try await subscribe(existing, to: types, present: before, created: &created)
            return EventStreamsSetup(sinkSid: sinkSid, subscriptionSid: existing, createdSink: found == nil, createdSubscription: false,
                                     typesBefore: before.sorted())
        }
        let selections = try await pinned(types)
        let subscription = try await twilio("Subscribing \(sinkSid) to \(types.joined(separator: ", "))") { () throws(TwilioError) in
            try await client.events.createSubscription(.init(description: Self.eventStreamsDescription, sinkSid: sinkSid, types: selections))
        }
        guard let subscriptionSid = subscription.sid else { throw .notConfirmed("Twilio answered a subscription without a SID.") }
        created.subscriptionSid = subscriptionSid
        return EventStreamsSetup(sinkSid: sinkSid, subscriptionSid: subscriptionSid, createdSink: found == nil, createdSubscription: true,
                                 typesBefore: [])
    }

    /// Validates a sink as Twilio requires: asks for a test event, waits for the connector to
    /// record its `test_id` (``ConnectorStore/recordSinkTest(id:receivedAt:)``), posts it back.
    private func validate(_ sinkSid: String, destination: String) async throws(RegistrationError) {
        let seen = Set(try await stored { () throws(StoreError) in try await store.sinkTests(limit: 100) })
        _ = try await twilio("Testing the sink \(sinkSid)") { () throws(TwilioError) in try await client.events.testSink(sinkSid) }
        let deadline = ContinuousClock.now + sinkTestTimeout
        while true {
            if let testID = try await stored({ () throws(StoreError) in try await store.sinkTests(limit: 10) }).first(where: { !seen.contains($0) }) {
                let answer = try await twilio("Validating the sink \(sinkSid)") { () throws(TwilioError) in
                    try await client.events.validateSink(sinkSid, testID: testID)
                }
                guard answer.result == "valid" else {
                    throw .sinkNotValidated(destination: destination, reason: "Twilio answered '\(answer.result ?? "nothing")' to its test id")
                }
                return
            }
            guard ContinuousClock.now < deadline else {
                throw .sinkNotValidated(destination: destination, reason: """
                    its test event did not reach the connector within \(sinkTestTimeout) (is `twilio-connector serve` running there, \
                    reachable from Twilio, and checking signatures with this account's Auth Token?)
                    """)
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Adds the types of `types` not in `present` to the subscription, each in its schema's latest version.
    private func subscribe(_ subscriptionSid: String, to types: [String], present: Set<String>,
                           created: inout Created) async throws(RegistrationError) {
        for selection in try await pinned(types.filter { !present.contains($0) }) {
            _ = try await twilio("Subscribing \(subscriptionSid) to \(selection.type)") { () throws(TwilioError) in
                try await client.events.addSubscribedEvent(selection, subscriptionSid: subscriptionSid)
            }
            created.addedTypes.append((subscriptionSid, selection.type))
        }
    }

    /// The types a subscription delivers.
    private func subscribedTypes(_ subscriptionSid: String) async throws(RegistrationError) -> Set<String> {
        Set(try await twilio("Listing the event types of \(subscriptionSid)") { () throws(TwilioError) in
            try await client.events.listSubscribedEvents(subscriptionSid: subscriptionSid).collect()
        }.compactMap(\.type))
    }

    /// `types`, each pinned to the latest version of its schema (Twilio would otherwise move to
    /// newer versions as they come).
    private func pinned(_ types: [String]) async throws(RegistrationError) -> [EventTypeSelection] {
        var latest: [String: Int] = [:]
        var selections: [EventTypeSelection] = []
        for type in types {
            let schemaID = try await twilio("Reading the event type \(type)") { () throws(TwilioError) in try await client.events.fetchType(type) }.schemaId
            var version = schemaID.flatMap { latest[$0] }
            if let schemaID, version == nil {
                version = try await twilio("Reading the schema \(schemaID)") { () throws(TwilioError) in
                    try await client.events.fetchSchema(schemaID)
                }.latestVersion
                latest[schemaID] = version
            }
            selections.append(EventTypeSelection(type, schemaVersion: version))
        }
        return selections
    }

    /// Removes what a failed registration created, newest first (best effort: the failure is what is reported).
    private func undo(_ created: Created) async {
        for (subscriptionSid, type) in created.addedTypes.reversed() where subscriptionSid != created.subscriptionSid {
            try? await client.events.removeSubscribedEvent(type, subscriptionSid: subscriptionSid)
        }
        if let subscriptionSid = created.subscriptionSid { try? await client.events.deleteSubscription(subscriptionSid) }
        if let sinkSid = created.sinkSid { try? await client.events.deleteSink(sinkSid) }
    }

    /// Runs a removal, for which a resource already gone (404) is success.
    private func ignoringAbsence(_ removal: () async throws(TwilioError) -> Void) async throws(RegistrationError) {
        do { try await removal() } catch {
            guard error.httpStatus == 404 else { throw .twilio("Removing what the registration created", error) }
        }
    }
}
