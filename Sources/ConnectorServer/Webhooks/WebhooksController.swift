import ConnectorStore
import ConnectorVoice
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TwilioConnector
import TwilioKit

/// `POST /webhooks/twilio/<trigger>`: Twilio's requests in. Each is authenticated by its signature
/// (403 otherwise, nothing stored), turned into the trigger's event, committed to the store — once,
/// however often Twilio retries — and only then answered (TwiML, or an empty 200).
struct WebhooksController {
    let intake: WebhookIntake

    static let idempotencyHeader = HTTPField.Name("I-Twilio-Idempotency-Token")!

    private var dependencies: ServerDependencies { intake.dependencies }

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.post("{trigger}") { request, context in try await receive(request, context) }
    }

    private func receive(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let name = context.parameters.get("trigger") ?? ""
        let (url, body) = try await intake.authenticatedBody(request, context, name: name)
        let isJSON = request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true
        guard let trigger = TriggerCatalogue.trigger(named: name) else {
            throw JSONHTTPError(.notFound, TriggerCatalogue.unknownTrigger(name, listedBy: "GET /triggers"))
        }
        let parameters: WebhookParameters
        if isJSON {
            guard case .object(let fields)? = try? JSONParser.parse(body) else {
                throw JSONHTTPError(.badRequest, "The body is not a JSON object.")
            }
            parameters = WebhookParameters(fields.sorted { $0.key < $1.key }.compactMap { name, value in value.scalarText.map { (name, $0) } })
        } else {
            parameters = WebhookParameters(FormParameters(decoding: String(decoding: body, as: UTF8.self)).items)
        }
        let settings = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { first, _ in first })
        let receipt: TriggerReceipt
        switch trigger.receive(parameters, settings: settings, idempotencyToken: request.headers[Self.idempotencyHeader],
                               receivedAt: dependencies.now()) {
        case .success(let received): receipt = received
        case .failure(let failure):
            ServerMetrics.webhook(trigger: trigger.name, outcome: "invalid")
            throw JSONHTTPError(.badRequest, failure.message)
        }
        if let event = try await event(of: receipt, trigger: trigger, parameters: parameters, settings: settings) {
            try await intake.store(event, context)
        }
        return try await answer(receipt.answer, call: parameters, url: url)
    }

    /// The receipt's event; a transcript's is read from Twilio, which only says which one completed.
    private func event(of receipt: TriggerReceipt, trigger: TriggerDefinition, parameters: WebhookParameters,
                       settings: [String: String]) async throws -> NewTriggerEvent? {
        guard trigger.name == "newTranscript" else { return receipt.event }
        guard let sid = parameters["transcript_sid"] ?? parameters["TranscriptSid"] else {
            throw JSONHTTPError(.badRequest, "The body names no transcript_sid.")
        }
        switch await dependencies.connector.transcriptEvent(sid: sid, includeSentences: settings["IncludeSentences"] == "true",
                                                             receivedAt: dependencies.now()) {
        case .success(let event): return event
        case .failure(let failure): throw JSONHTTPError(.badGateway, "The transcript \(sid) could not be read: \(failure.message)")
        }
    }

    /// The answer to Twilio's request to `url` with `call`'s parameters.
    private func answer(_ answer: WebhookAnswer, call: WebhookParameters, url: String) async throws -> Response {
        switch answer {
        case .empty:
            return Response(status: .ok)
        case .messagingTwiML(let xml):
            return Response(status: .ok, headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        case .stream(let workflow):
            let base = url.range(of: "/webhooks/twilio/").map { String(url[..<$0.lowerBound]) } ?? url
            let twiml = await dependencies.voice?.answerInboundCall(workflow: workflow, call: call, base: base)
                ?? RealtimeCalls.unavailableAnswer
            return Response(status: .ok, headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(string: twiml)))
        }
    }
}
