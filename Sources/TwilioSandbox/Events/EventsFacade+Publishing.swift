import Foundation
import TwilioKit

/// What the account's products report to Event Streams — the one call each simulator makes where
/// something happens — and how the events reach the active webhook sinks subscribed to their type:
/// as CloudEvents (an array when the sink batches), signed as Twilio signs JSON webhooks.
extension EventsFacade {
    /// A message reached one of the account's numbers (`parameters` as its SmsUrl gets them).
    func inboundMessageReceived(_ parameters: [(String, String)]) async {
        await publishMessaging(EventTypeCatalogue.inboundMessage, parameters)
    }

    /// A message moved to a new status (`parameters` as its StatusCallback gets them).
    func messageStatusChanged(_ parameters: [(String, String)]) async {
        guard let status = parameters.first(where: { $0.0 == "MessageStatus" })?.1 else { return }
        await publishMessaging(EventTypeCatalogue.messageStatus(status), parameters)
    }

    /// A call reached `event` (`initiated`, `ringing`, `answered`, `completed`) and its status
    /// callback `url` was requested with `parameters`.
    func callProgressed(_ event: String, parameters: [(String, String)], url: String, method: String) async {
        let fields = Dictionary(parameters, uniquingKeysWith: { first, _ in first })
        guard let account = fields["AccountSid"], let call = fields["CallSid"] else { return }
        let eventSID = SID.make("EZ")
        await publish(EventTypeCatalogue.callProgress(event), id: eventSID, accountSID: account,
                      source: "/2010-04-01/Accounts/\(account)/Calls/\(call).json",
                      data: CloudEventData.callProgress(parameters, url: url, method: method, eventSID: eventSID, at: Date()))
    }

    private func publishMessaging(_ type: String, _ parameters: [(String, String)]) async {
        let fields = Dictionary(parameters, uniquingKeysWith: { first, _ in first })
        guard let account = fields["AccountSid"], let message = fields["MessageSid"] else { return }
        await publish(type, id: SID.make("EZ"), accountSID: account, source: "/2010-04-01/Accounts/\(account)/Messages/\(message).json",
                      data: CloudEventData.messaging(parameters, type: type, at: Date()))
    }

    /// Delivers an event of `type` to every active webhook sink of the account with a
    /// subscription to it, in the schema version that subscription chose.
    private func publish(_ type: String, id: String, accountSID: String, source: String, data: JSONValue) async {
        let time = TwilioDateFormat.iso8601String(from: Date())
        for sink in await sinks.records(of: accountSID, where: { $0.receivesWebhooks }) {
            let chosen = await subscriptions.records(of: accountSID) { $0.sinkSID == sink.sid }.compactMap { subscription in
                subscription.types.first { $0.type == type }
            }
            for selection in chosen {
                deliver([CloudEvent(id: id, type: type, source: source, time: time,
                                    dataschema: EventTypeCatalogue.dataSchema(type, version: selection.schemaVersion), data: data)], to: sink)
            }
        }
    }

    /// Posts `events` to the sink's destination in the background.
    func deliver(_ events: [CloudEvent], to sink: EventSinkRecord) {
        guard let destination = sink.destination,
              let body = try? EventSinkDelivery(events: events, isBatch: sink.batchEvents).body() else { return }
        let webhooks = webhooks
        background.run { await webhooks.sendJSON(destination, body: body, accountSID: sink.accountSID) }
    }
}
