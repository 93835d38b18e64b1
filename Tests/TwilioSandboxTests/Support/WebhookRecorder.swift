import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TwilioKit

/// A local HTTP server that plays the application's side of Twilio webhooks: it records every
/// request (method, path, form, headers) and answers with whatever the test configured per path.
final class WebhookRecorder: Sendable {
    /// One request the recorder received.
    struct Received: Sendable {
        let method: String
        let path: String
        let url: String
        let form: FormParameters
        /// The raw body (a JSON delivery's events).
        let body: String
        /// The query string, as received (`bodySHA256=…` for a JSON delivery).
        let query: String
        let signature: String?
        let idempotencyToken: String?
    }

    private let state: RecorderState
    private let server: LocalServer
    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(server.port)" }

    private init(server: LocalServer, state: RecorderState) {
        self.server = server
        self.state = state
    }

    /// Starts a recorder on a free port.
    static func start() async throws -> WebhookRecorder {
        let state = RecorderState()
        let router = Router()
        router.on("**", method: .post) { request, _ in try await state.handle(request) }
        router.on("**", method: .get) { request, _ in try await state.handle(request) }
        let server = await LocalServer.start { address, onServerRunning in
            Application(router: router, configuration: .init(address: address), onServerRunning: onServerRunning)
        }
        return WebhookRecorder(server: server, state: state)
    }

    /// Answers requests to `path` with `body` (TwiML by default).
    func respond(to path: String, with body: String, contentType: String = "text/xml") async {
        await state.setResponse(path: path, body: body, contentType: contentType)
    }

    /// Every request received so far.
    var received: [Received] { get async { await state.received } }

    /// Waits until `predicate` holds for the received requests (up to `timeout`).
    func waitFor(timeout: Duration = .seconds(10), _ predicate: @Sendable ([Received]) -> Bool) async throws -> [Received] {
        try await waitUntil(timeout: timeout, every: .milliseconds(20), { await state.received }, predicate) { received in
            "received \(received.map { "\($0.method) \($0.path)" })"
        }
    }

    func stop() async {
        await server.stop()
    }
}

private actor RecorderState {
    private(set) var received: [WebhookRecorder.Received] = []
    private var responses: [String: (body: String, contentType: String)] = [:]

    func setResponse(path: String, body: String, contentType: String) {
        responses[path] = (body, contentType)
    }

    func handle(_ request: Request) async throws -> Response {
        var body = try await request.body.collect(upTo: 1 << 20)
        let text = body.readString(length: body.readableBytes) ?? ""
        let form = request.method == .get ? FormParameters.decode(request.uri.query ?? "") : FormParameters.decode(text)
        let host = request.head.authority ?? "127.0.0.1"
        received.append(.init(method: request.method.rawValue, path: request.uri.path, url: "http://\(host)\(request.uri.path)",
                              form: form, body: text, query: request.uri.query ?? "",
                              signature: request.headers[values: .twilioSignature].first,
                              idempotencyToken: request.headers[values: .twilioIdempotencyToken].first))
        let reply = responses[request.uri.path] ?? (body: "<Response/>", contentType: "text/xml")
        var buffer = ByteBuffer()
        buffer.writeString(reply.body)
        return Response(status: .ok, headers: [.contentType: reply.contentType], body: .init(byteBuffer: buffer))
    }
}

extension HTTPField.Name {
    static let twilioSignature = Self("X-Twilio-Signature")!
    static let twilioIdempotencyToken = Self("I-Twilio-Idempotency-Token")!
}
