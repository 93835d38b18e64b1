import ConnectorStore
import Hummingbird
import TwilioConnector
import TwilioKit

/// What every request from Twilio goes through, whichever route it reaches (a trigger's webhook,
/// an Event Streams delivery): its body read within the limit, its signature checked (403 and
/// nothing stored otherwise), and each event it brings committed to the store before the answer.
struct WebhookIntake: Sendable {
    let dependencies: ServerDependencies
    let verifier: WebhookVerifier
    let maximumBodyBytes: Int

    /// The request's body and the URL its signature was checked against; 413 beyond the limit,
    /// 403 when it is not signed by Twilio (counted under `name`).
    func authenticatedBody(_ request: Request, _ context: BasicRequestContext, name: String) async throws -> (url: String, body: [UInt8]) {
        let body: [UInt8]
        do {
            body = Array(try await request.body.collect(upTo: maximumBodyBytes).readableBytesView)
        } catch {
            throw JSONHTTPError(.contentTooLarge, "The body is larger than \(maximumBodyBytes) bytes.")
        }
        let url = verifier.url(of: request)
        if case .failure(let refusal) = verifier.verify(request, url: url, body: body) {
            ServerMetrics.webhook(trigger: name, outcome: "refused")
            context.logger.warning("Refused a webhook: \(refusal)", metadata: ["url": "\(url)"])
            throw JSONHTTPError(.forbidden, "The request is not signed by Twilio for \(url): \(refusal).")
        }
        return (url, body)
    }

    /// Commits `event` (once: a duplicate is not stored again), counted and logged.
    @discardableResult
    func store(_ event: NewTriggerEvent, _ context: BasicRequestContext) async throws -> EventAppendResult {
        let stored = try await dependencies.store.append(event)
        ServerMetrics.webhook(trigger: event.trigger, outcome: stored.isDuplicate ? "duplicate" : "stored")
        context.logger.info("Received a \(event.trigger) event", metadata: ["event": "\(stored.event.id)", "duplicate": "\(stored.isDuplicate)"])
        return stored
    }
}
