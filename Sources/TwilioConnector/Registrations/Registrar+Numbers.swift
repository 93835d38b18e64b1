import ConnectorStore
import Foundation
import TwilioKit

/// Registering on a number: the field the trigger needs, or — when the number's messages go to
/// its Messaging Service's webhook — that webhook, with the same consent and restore rules.
extension Registrar {
    func registerOnNumber(_ trigger: TriggerDefinition, number given: String, viaService: Bool, replace: Bool,
                          settings: [String: String]) async throws(RegistrationError) -> Registration {
        let field = try TriggerPlacement.numberField(for: trigger)
        let url = try webhookURL(trigger, settings: settings)
        let number = try await incomingNumber(given)
        guard let numberSid = number.sid else { throw .numberNotFound(given) }
        let phoneNumber = number.phoneNumber ?? given
        let slot: any WebhookSlot
        let service = field == .smsURL ? try await messagingService(holding: numberSid) : nil
        if let service, service.useInboundWebhookOnNumber != true, let serviceSid = service.sid {
            guard viaService else {
                throw .messagingServiceWins(number: phoneNumber, serviceSid: serviceSid, inboundRequestURL: service.inboundRequestUrl)
            }
            slot = ServiceWebhookSlot(serviceSid: serviceSid)
        } else {
            guard !viaService else {
                throw .invalidRequest("\(phoneNumber) is in no Messaging Service whose inbound webhook wins over its own: register on the number.")
            }
            if field == .statusCallback, let handler = number.voiceApplicationSid.nonEmpty.map({ "Application \($0)" })
                ?? number.trunkSid.nonEmpty.map({ "SIP trunk \($0)" }) {
                throw .handledElsewhere(number: phoneNumber, reason: """
                    its calls are handled by \(handler), so Twilio reports their status there, never to the number's StatusCallback
                    """)
            }
            slot = NumberWebhookSlot(numberSid: numberSid, numberField: field)
        }
        if let holder = try await stored({ () throws(StoreError) in try await store.registrations() }).first(where: { $0.slot == slot.slot }) {
            throw .alreadyRegistered(holder)
        }
        let current = try await read(slot)
        if slot.occupant(of: current, url: url) != nil, !replace {
            throw .fieldOccupied(number: phoneNumber, field: slot.field, current: current)
        }
        return try await register(trigger, in: slot, phoneNumber: phoneNumber, url: url, current: current)
    }

    /// `<base>/webhooks/twilio/<trigger>`, the trigger's settings (checked against its parameters)
    /// in the query.
    func webhookURL(_ trigger: TriggerDefinition, settings: [String: String]) throws(RegistrationError) -> String {
        if case .failure(let failure) = ActionInput.validate(settings.mapValues(JSONValue.string), specs: trigger.parameters, rules: []) {
            throw .invalidRequest("Invalid settings for \(trigger.name): \(failure.message)")
        }
        guard let base = webhookBaseURL() else { throw .noPublicURL }
        var query = FormParameters()
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) { query.add(name, value) }
        return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/webhooks/twilio/" + trigger.name
            + (settings.isEmpty ? "" : "?" + query.encoded)
    }

    /// The account's number `given`: a `PN…` SID, or an E.164 number.
    private func incomingNumber(_ given: String) async throws(RegistrationError) -> IncomingPhoneNumber {
        if given.hasPrefix("PN") {
            do { return try await client.incomingPhoneNumbers.fetch(given) } catch {
                throw error.httpStatus == 404 ? .numberNotFound(given) : .twilio("Reading the number \(given)", error)
            }
        }
        guard (try? E164PhoneNumber(given)) != nil else {
            throw .invalidRequest("'\(given)' is neither an E.164 number (+14155550100) nor a number's SID (PN…).")
        }
        let matches = try await twilio("Reading the number \(given)") { () throws(TwilioError) in
            try await client.incomingPhoneNumbers.list(.init(phoneNumber: given)).collect()
        }
        guard let number = matches.first(where: { $0.phoneNumber == given }) else { throw .numberNotFound(given) }
        return number
    }

    /// The Messaging Service whose sender pool holds the number `numberSid`, if any.
    private func messagingService(holding numberSid: String) async throws(RegistrationError) -> MessagingService? {
        try await twilio("Reading the account's Messaging Services") { () throws(TwilioError) -> MessagingService? in
            for service in try await client.messagingServices.list().collect() {
                guard let sid = service.sid else { continue }
                if try await client.messagingServices.listPhoneNumbers(serviceSid: sid).collect().contains(where: { $0.sid == numberSid }) {
                    return service
                }
            }
            return nil
        }
    }
}

extension Optional where Wrapped == String {
    /// The string, unless it is `nil` or empty.
    var nonEmpty: String? {
        switch self {
        case .some(let text) where !text.isEmpty: text
        default: nil
        }
    }
}
