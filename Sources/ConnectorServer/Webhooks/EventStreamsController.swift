import ConnectorStore
import Hummingbird
import TwilioConnector
import TwilioKit

/// `POST /webhooks/twilio/events`: Event Streams deliveries in — a CloudEvent, or a JSON array of
/// them, signed as Twilio signs JSON webhooks (`X-Twilio-Signature` over the URL with its
/// `bodySHA256`). Each event becomes the event of its trigger with the same output as through a
/// number's webhook, committed once however often it is delivered (the same message or call
/// status, or else the same CloudEvent id); a sink's test event is recorded for its validation.
struct EventStreamsController {
    let intake: WebhookIntake

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.post("events") { request, context in try await receive(request, context) }
    }

    /// What a delivery brought.
    private struct Tally {
        var stored = 0
        var duplicates = 0
        var ignored = 0
        var sinkTests = 0

        var json: JSONValue {
            ["stored": .number(Double(stored)), "duplicates": .number(Double(duplicates)), "ignored": .number(Double(ignored)),
             "sinkTests": .number(Double(sinkTests))]
        }
    }

    private func receive(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (_, body) = try await intake.authenticatedBody(request, context, name: "events")
        let delivery: EventSinkDelivery
        do { delivery = try EventSinkDelivery(body: body) } catch {
            throw JSONHTTPError(.badRequest, "The body is neither a CloudEvent nor an array of CloudEvents: \(error)")
        }
        let now = intake.dependencies.now()
        var tally = Tally()
        for event in delivery.events {
            if event.type == CloudEvent.sinkTestEventType, let testID = event.data?.objectFields?["test_id"]?.scalarText {
                try await intake.dependencies.store.recordSinkTest(id: testID, receivedAt: now)
                context.logger.info("Received an Event Streams sink test", metadata: ["test": "\(testID)"])
                tally.sinkTests += 1
                continue
            }
            guard let translation = CloudEventTranslation.translate(event),
                  case .success(let receipt) = translation.trigger.receive(translation.parameters, settings: [:], idempotencyToken: event.id,
                                                                           receivedAt: now),
                  let triggerEvent = receipt.event else {
                context.logger.debug("Ignored an Event Streams event", metadata: ["type": "\(event.type)", "id": "\(event.id)"])
                tally.ignored += 1
                continue
            }
            if try await intake.store(triggerEvent, context).isDuplicate { tally.duplicates += 1 } else { tally.stored += 1 }
        }
        return JSONResponse.make(tally.json)
    }
}
