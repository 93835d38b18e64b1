import ConnectorStore
import Foundation
import TwilioKit

/// What the connector does with one request Twilio made to a trigger's webhook: the event to
/// commit (none when the request is not one the trigger fires on) and the answer to give Twilio.
public struct TriggerReceipt: Sendable {
    /// The event to commit before answering.
    public let event: NewTriggerEvent?
    /// What to answer.
    public let answer: WebhookAnswer
}

/// The answer to a webhook.
public enum WebhookAnswer: Sendable, Equatable {
    /// Messaging TwiML (`<Response/>`, or `<Response><Message>…</Message></Response>`).
    case messagingTwiML(String)
    /// 200 with an empty body (status callbacks).
    case empty
    /// Voice TwiML connecting the call to the real-time workflow `workflow`.
    case stream(workflow: String)
}

extension TriggerDefinition {
    /// Receives `parameters` posted to this trigger's webhook, whose URL carried `settings` (the
    /// trigger's parameters as query parameters: `Reply`, `subWorkflow`, `IncludeSentences`).
    /// An inbound message is filed under the trigger of its channel: a WhatsApp message posted to
    /// `newSms` is a `newWhatsappMessage` event, and the other way round.
    public func receive(_ parameters: WebhookParameters, settings: [String: String], idempotencyToken: String?,
                        receivedAt: Date) -> Result<TriggerReceipt, ActionFailure> {
        let given = settings.mapValues(JSONValue.string).filter { name, _ in self.parameters.contains { $0.name == name } }
        let input: ActionInput
        switch ActionInput.validate(given, specs: self.parameters.map(\.optional), rules: []) {
        case .success(let validated): input = validated
        case .failure(let failure): return .failure(failure)
        }
        let trigger = kind == .inboundMessage ? Self.inboundMessageTrigger(from: parameters["From"]) : self
        let event = trigger.fires(parameters) ? trigger.event(parameters, idempotencyToken: idempotencyToken, receivedAt: receivedAt) : nil
        let answer: WebhookAnswer
        switch kind {
        case .inboundMessage:
            let reply = input.string("Reply").map { [MessagingVerb.message(TwiML.Message($0))] } ?? []
            answer = .messagingTwiML(MessagingResponse(reply).xml())
        case .inboundCall:
            answer = .stream(workflow: input.string("subWorkflow") ?? "")
        case .statusCallback:
            answer = .empty
        }
        return .success(TriggerReceipt(event: event, answer: answer))
    }

    /// The event of `parameters`: this trigger's fields read from them, keyed by its identity (or,
    /// lacking it, by Twilio's idempotency token).
    func event(_ parameters: WebhookParameters, idempotencyToken: String?, receivedAt: Date) -> NewTriggerEvent {
        let identity = identity.map { parameters[$0] }
        let key: String? = if identity.allSatisfy({ $0?.isEmpty == false }) {
            ([name] + identity.compactMap { $0 }).joined(separator: ":")
        } else {
            idempotencyToken.map { "\(name):token:\($0)" }
        }
        return NewTriggerEvent(trigger: name, receivedAt: receivedAt, data: .object(fields.project(parameters.model)), dedupeKey: key)
    }

    /// `newWhatsappMessage` for a `whatsapp:` sender, `newSms` for any other.
    static func inboundMessageTrigger(from sender: String?) -> TriggerDefinition {
        sender?.lowercased().hasPrefix("whatsapp:") == true ? MessagingTriggers.newWhatsappMessage : MessagingTriggers.newSms
    }

    /// Whether an event of this trigger passes `filter` (filter parameter → value).
    public func matches(_ data: JSONValue, filter: [String: JSONValue]) -> Bool {
        let fields = data.objectFields ?? [:]
        return filter.allSatisfy { name, value in
            guard let rule = filters[name], let text = value.scalarText else { return true }
            return rule.matches(text, in: fields)
        }
    }

    /// The parameters that filter events (core names), all optional.
    public var filterParameters: [ParameterSpec] {
        parameters.filter { filters[$0.name] != nil }.map(\.optional)
    }

    /// Checks a filter (filter parameter → value): every name is a filter parameter of this trigger
    /// and every value follows its rule. Answers the validated filter.
    public func validateFilter(_ filter: [String: JSONValue], rename: (String) -> String = { $0 }) -> Result<[String: JSONValue], ActionFailure> {
        ActionInput.validate(filter, specs: filterParameters, rules: [], rename: rename).map { input in
            filter.keys.reduce(into: [:]) { result, name in result[name] = input.values[name] }
        }
    }
}

extension ParameterSpec {
    /// The same parameter, not required (a trigger's settings and filters are all optional where given).
    var optional: ParameterSpec {
        ParameterSpec(name, kind, required: false, default: defaultValue, description)
    }
}
