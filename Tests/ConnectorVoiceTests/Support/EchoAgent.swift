import Foundation
import Hummingbird
import HummingbirdWebSocket
import Synchronization

/// A voice agent written for Twilio's Media Streams, unmodified, in the test process: a WebSocket
/// server at `ws://127.0.0.1:<port>/agent` that sends every `media` it receives straight back and
/// notes the events it got and the `start`'s custom parameters.
final class EchoAgent: Sendable {
    /// Where `bridge` reaches it.
    let url: String
    private let seen: Seen
    private let task: Task<Void, any Error>

    /// What the agent received.
    private final class Seen: Sendable {
        let state = Mutex<(events: [String], parameters: [String: String])>(([], [:]))
    }

    private init(url: String, seen: Seen, task: Task<Void, any Error>) {
        self.url = url
        self.seen = seen
        self.task = task
    }

    /// The events received, in order, without repeats of the same event in a row (`media` once per run).
    var events: [String] { seen.state.withLock { $0.events } }
    /// The custom parameters of `start`.
    var parameters: [String: String] { seen.state.withLock { $0.parameters } }

    /// Starts an agent; returns once it listens.
    static func start() async throws -> EchoAgent {
        let seen = Seen()
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/agent") { inbound, outbound, _ in
            var streamSid = ""
            for try await message in inbound.messages(maxSize: 1 << 16) {
                guard case .text(let text) = message,
                      let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                      let event = object["event"] as? String else { continue }
                seen.state.withLock { if $0.events.last != event { $0.events.append(event) } }
                switch event {
                case "start":
                    streamSid = object["streamSid"] as? String ?? ""
                    let parameters = (object["start"] as? [String: Any])?["customParameters"] as? [String: String] ?? [:]
                    seen.state.withLock { $0.parameters = parameters }
                case "media":
                    let payload = (object["media"] as? [String: Any])?["payload"] as? String ?? ""
                    try await outbound.write(.text(#"{"event":"media","streamSid":"\#(streamSid)","media":{"payload":"\#(payload)"}}"#))
                default:
                    break
                }
            }
        }
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
                                      configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                      onServerRunning: { channel in
                                          readyContinuation.yield(channel.localAddress?.port ?? 0)
                                          readyContinuation.finish()
                                      })
        let task = Task {
            defer { readyContinuation.finish() }
            try await application.runService(gracefulShutdownSignals: [])
        }
        var iterator = ready.makeAsyncIterator()
        guard let port = await iterator.next() else {
            throw CancellationError()
        }
        return EchoAgent(url: "ws://127.0.0.1:\(port)/agent", seen: seen, task: task)
    }

    /// Stops it.
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}
