import ConnectorStore
import Foundation
import TwilioKit

/// Connects triggers to Twilio as a careful operator would — one place for the command line and
/// `POST /registrations`. It shows what is there and changes nothing without consent: a setting
/// that points elsewhere (a URL, an Application, a trunk) is only taken over with `replace`; the
/// previous values are stored before anything changes, the resource is changed in one request
/// (only the settings the trigger owns) and read back to confirm. Unregistering puts back exactly
/// what was there, unless someone changed it since (then only with `force`).
///
/// Event Streams are the account-wide alternative: one webhook sink (validated as Twilio requires)
/// and a subscription to the trigger's event types; unregistering removes what was created.
public struct Registrar: Sendable {
    let client: TwilioClient
    let store: any ConnectorStore
    /// The connector's base URL as Twilio reaches it; `nil` when unknown.
    let webhookBaseURL: @Sendable () -> String?
    let now: @Sendable () -> Date
    /// How long the test event of a sink being validated may take to reach the connector.
    let sinkTestTimeout: Duration

    /// A registrar acting on the account of `client`, keeping registrations in `store`.
    /// - Parameters:
    ///   - webhookBaseURL: Where Twilio reaches the connector (`https://hooks.example.com`): the
    ///     public URL, or in sandbox mode the local one; `nil` refuses to register.
    ///   - sinkTestTimeout: How long to wait for an Event Streams sink's test event to come back
    ///     through the connector's `/webhooks/twilio/events`.
    public init(client: TwilioClient, store: any ConnectorStore, webhookBaseURL: @escaping @Sendable () -> String?,
                now: @escaping @Sendable () -> Date = Date.init, sinkTestTimeout: Duration = .seconds(30)) {
        self.client = client
        self.store = store
        self.webhookBaseURL = webhookBaseURL
        self.now = now
        self.sinkTestTimeout = sinkTestTimeout
    }

    /// Registers a trigger as `request` says; answers the stored registration.
    public func register(_ request: RegistrationRequest) async throws(RegistrationError) -> Registration {
        guard let trigger = TriggerCatalogue.trigger(named: request.trigger) else { throw .unknownTrigger(request.trigger) }
        switch request.target {
        case .eventStreams:
            guard request.settings.isEmpty else {
                throw .invalidRequest("Event Streams deliveries go to one URL for every trigger and get no answer: they take no settings.")
            }
            return try await registerOnEventStreams(trigger)
        case .number(let number):
            return try await registerOnNumber(trigger, number: number, viaService: false, replace: request.replace, settings: request.settings)
        case .messagingServiceOf(let number):
            return try await registerOnNumber(trigger, number: number, viaService: true, replace: request.replace, settings: request.settings)
        }
    }

    /// Removes registration `id`, putting back what it replaced; with `force`, even when someone
    /// changed the setting since (or the resource is gone). Answers the removed registration.
    public func unregister(id: String, force: Bool = false) async throws(RegistrationError) -> Registration {
        let registration = try await self.registration(id: id)
        if registration.kind == .eventStreams {
            try await unregisterFromEventStreams(registration)
        } else {
            try await restore(registration, in: slot(of: registration), force: force)
        }
        _ = try await stored { () throws(StoreError) in try await store.deleteRegistration(id: id) }
        return registration
    }

    /// Every registration, oldest first.
    public func registrations() async throws(RegistrationError) -> [Registration] {
        try await stored { () throws(StoreError) in try await store.registrations() }
    }

    /// The registration of `trigger` (in any dialect) at `target`: on the number (or its
    /// Messaging Service) it names, or on Event Streams.
    public func registration(of trigger: String, at target: RegistrationRequest.Target) async throws(RegistrationError) -> Registration {
        guard let definition = TriggerCatalogue.trigger(named: trigger) else { throw .unknownTrigger(trigger) }
        let found = try await registrations().first { registration in
            guard registration.trigger == definition.name else { return false }
            switch target {
            case .eventStreams: return registration.kind == .eventStreams
            case .number(let number), .messagingServiceOf(let number):
                return registration.kind != .eventStreams && (registration.phoneNumber == number || registration.resourceSid == number)
            }
        }
        guard let found else {
            let place = switch target {
            case .eventStreams: "Event Streams"
            case .number(let number), .messagingServiceOf(let number): number
            }
            throw .registrationNotFound("\(definition.name) on \(place)")
        }
        return found
    }

    /// The registration `id`.
    public func registration(id: String) async throws(RegistrationError) -> Registration {
        guard let registration = try await stored({ () throws(StoreError) in try await store.registration(id: id) }) else { throw .registrationNotFound(id) }
        return registration
    }

    // MARK: Webhook slots

    /// Claims `slot` in the store with its current settings, points it at `url`, reads it back.
    func register(_ trigger: TriggerDefinition, in slot: some WebhookSlot, phoneNumber: String, url: String,
                  current: OwnedSettings) async throws(RegistrationError) -> Registration {
        let target = slot.settings(pointingAt: url)
        let registration = Registration(
            id: Registration.makeID(), trigger: trigger.name, kind: slot.kind, slot: slot.slot, resourceSid: slot.resourceSid,
            phoneNumber: phoneNumber, field: slot.field, url: url, previous: current.json, applied: target.json, createdAt: now())
        try await claim(registration)
        guard current != target else { return registration }
        do throws(RegistrationError) {
            do { try await slot.point(at: url, over: current, client) } catch {
                // The answer may have been lost: what the number shows now decides.
                guard try await read(slot) == target else { throw RegistrationError.twilio("Pointing \(slot.field) of \(slot.resourceSid) at \(url)", error) }
            }
            let confirmed = try await read(slot)
            guard confirmed == target else {
                try? await slot.restore(current, client)
                throw RegistrationError.notConfirmed("""
                    Twilio accepted the change, but \(phoneNumber)'s \(slot.field) reads back as \(confirmed) instead of \(target); \
                    the previous settings were put back.
                    """)
            }
            return registration
        } catch {
            _ = try? await store.deleteRegistration(id: registration.id)
            throw error
        }
    }

    /// Puts back what `registration` replaced in `slot`, unless someone changed it since.
    private func restore(_ registration: Registration, in slot: some WebhookSlot, force: Bool) async throws(RegistrationError) {
        let previous = slot.settings(registration.previous)
        let current: OwnedSettings
        do { current = try await slot.read(client) } catch {
            guard force, error.httpStatus == 404 else {
                let gone = error.httpStatus == 404 ? " (the resource is gone from this account: --force, ?force=true, removes the registration)" : ""
                throw .twilio("Reading \(registration.field) of \(registration.resourceSid)\(gone)", error)
            }
            return  // The resource is gone: there is nothing to put back.
        }
        let differences = slot.settings(registration.applied).differences(from: current)
        guard differences.isEmpty || force else { throw .changedSinceRegistration(registration, differences: differences) }
        guard current != previous else { return }
        try await slot.restore(previous, client)
        let confirmed = try await read(slot)
        guard confirmed == previous else {
            throw .notConfirmed("""
                Twilio accepted the restoration, but \(registration.phoneNumber ?? registration.resourceSid)'s \(registration.field) reads \
                back as \(confirmed) instead of \(previous); the registration is kept.
                """)
        }
    }

    /// The slot a stored registration holds.
    private func slot(of registration: Registration) throws(RegistrationError) -> any WebhookSlot {
        switch registration.kind {
        case .number:
            guard let field = NumberField(rawValue: registration.field) else {
                throw .invalidRequest("Registration \(registration.id) names an unknown field \(registration.field).")
            }
            return NumberWebhookSlot(numberSid: registration.resourceSid, numberField: field)
        case .messagingService:
            return ServiceWebhookSlot(serviceSid: registration.resourceSid)
        case .eventStreams:
            throw .invalidRequest("Registration \(registration.id) is on Event Streams, not on a webhook setting.")
        }
    }

    /// The settings `slot` owns, as they are now.
    func read(_ slot: some WebhookSlot) async throws(RegistrationError) -> OwnedSettings {
        try await twilio("Reading \(slot.field) of \(slot.resourceSid)") { () throws(TwilioError) in try await slot.read(client) }
    }

    /// The result of a Twilio request, its failure as a ``RegistrationError`` saying `what` was being done.
    func twilio<T: Sendable>(_ what: @autoclosure () -> String,
                             _ request: () async throws(TwilioError) -> T) async throws(RegistrationError) -> T {
        do { return try await request() } catch { throw .twilio(what(), error) }
    }

    // MARK: The store

    /// Stores `registration`, unless another one holds its slot.
    func claim(_ registration: Registration) async throws(RegistrationError) {
        if case .taken(let holder) = try await stored({ () throws(StoreError) in try await store.claimRegistration(registration) }) { throw .alreadyRegistered(holder) }
    }

    /// The result of a store operation, its failure as a ``RegistrationError``.
    func stored<T: Sendable>(_ operation: () async throws(StoreError) -> T) async throws(RegistrationError) -> T {
        do { return try await operation() } catch { throw .store(error) }
    }
}
