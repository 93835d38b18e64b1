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
        let signature: String?
        let idempotencyToken: String?
    }

    private let state: RecorderState
    private let task: Task<Void, any Error>
    /// `http://127.0.0.1:<port>`.
    let baseURL: String

    private init(baseURL: String, task: Task<Void, any Error>, state: RecorderState) {
        self.baseURL = baseURL
        self.task = task
        self.state = state
    }

    /// Starts a recorder on a free port.
    static func start() async throws -> WebhookRecorder {
        let state = RecorderState()
        let router = Router()
        router.on("**", method: .post) { request, _ in try await state.handle(request) }
        router.on("**", method: .get) { request, _ in try await state.handle(request) }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                      onServerRunning: { channel in
                                          continuation.yield(channel.localAddress?.port ?? 0)
                                          continuation.finish()
                                      })
        let task = Task { try await application.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        return WebhookRecorder(baseURL: "http://127.0.0.1:\(port)", task: task, state: state)
    }

    /// Answers requests to `path` with `body` (TwiML by default).
    func respond(to path: String, with body: String, contentType: String = "text/xml") async {
        await state.setResponse(path: path, body: body, contentType: contentType)
    }

    /// Every request received so far.
    var received: [Received] { get async { await state.received } }

    /// Waits until `predicate` holds for the received requests (up to `timeout`).
    func waitFor(timeout: Duration = .seconds(10), _ predicate: @Sendable ([Received]) -> Bool) async throws -> [Received] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let received = await state.received
            if predicate(received) { return received }
            try await Task.sleep(for: .milliseconds(20))
        }
        let received = await state.received
        if predicate(received) { return received }
        throw WaitTimeout(description: "condition not met in \(timeout); received \(received.map { "\($0.method) \($0.path)" })")
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

struct WaitTimeout: Error, CustomStringConvertible {
    let description: String
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
                              form: form, signature: request.headers[values: .twilioSignature].first,
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
