import Foundation
import Hummingbird
import HummingbirdWebSocket
import TwilioKit

/// A WebSocket server playing the application's side of a Media Stream: it records every
/// message the sandbox sends (decoded with TwilioKit's ``MediaStreamInboundMessage``), the
/// handshake's signature, and the audio it sends back; a script answers each message.
final class MediaStreamApp: Sendable {
    /// What the server does after a message.
    enum Next: Sendable {
        case keepListening
        /// Ends the handler: the server closes the connection.
        case close
    }

    /// Answers one message.
    typealias Script = @Sendable (MediaStreamInboundMessage, Side) async throws -> Next

    /// What a script can send on the connection.
    struct Side: Sendable {
        let outbound: WebSocketOutboundWriter
        let streamSid: String
        let log: Log

        func media(_ bytes: [UInt8]) async throws {
            await log.sent(bytes)
            try await send(.media(streamSid: streamSid, muLawBytes: bytes))
        }

        func mark(_ name: String) async throws {
            try await send(.mark(.init(streamSid: streamSid, mark: .init(name: name))))
        }

        func clear() async throws {
            try await send(.clear(.init(streamSid: streamSid)))
        }

        func raw(_ frame: WebSocketOutboundWriter.OutboundFrame) async throws {
            try await outbound.write(frame)
        }

        private func send(_ message: MediaStreamOutboundMessage) async throws {
            try await outbound.write(.text(String(decoding: try JSONEncoder().encode(message), as: UTF8.self)))
        }
    }

    /// What the server saw and sent.
    actor Log {
        private(set) var messages: [MediaStreamInboundMessage] = []
        private(set) var sentAudio: [UInt8] = []
        private(set) var signature: String?
        private(set) var path: String?

        func handshake(signature: String?, path: String?) {
            self.signature = signature
            self.path = path
        }

        func received(_ message: MediaStreamInboundMessage) { messages.append(message) }
        func sent(_ audio: [UInt8]) { sentAudio += audio }
    }

    /// `ws://127.0.0.1:<port>/stream`.
    var url: String { "ws://127.0.0.1:\(server.port)/stream" }
    let log: Log
    private let server: LocalServer

    private init(server: LocalServer, log: Log) {
        self.server = server
        self.log = log
    }

    /// Starts a server on a free port that answers with `script`.
    static func start(_ script: @escaping Script) async throws -> MediaStreamApp {
        let log = Log()
        let server = await LocalServer.start { address, onServerRunning in
            Application(
                router: Router(),
                server: .http1WebSocketUpgrade { request, _, _ in
                    await log.handshake(signature: request.headerFields[.twilioSignature], path: request.path)
                    return .upgrade([:]) { inbound, outbound, _ in
                        var streamSid = ""
                        for try await message in inbound.messages(maxSize: 1 << 24) {
                            guard case .text(let text) = message else { continue }
                            let decoded = try JSONDecoder().decode(MediaStreamInboundMessage.self, from: Data(text.utf8))
                            await log.received(decoded)
                            if case .start(let start) = decoded { streamSid = start.streamSid }
                            if try await script(decoded, Side(outbound: outbound, streamSid: streamSid, log: log)) == .close { return }
                        }
                    }
                },
                configuration: .init(address: address),
                onServerRunning: onServerRunning)
        }
        return MediaStreamApp(server: server, log: log)
    }

    /// Starts a server that answers with `script` and closes the connection once the mark named
    /// `name` comes back.
    static func start(closingAtMark name: String,
                      _ script: @escaping @Sendable (MediaStreamInboundMessage, Side) async throws -> Void) async throws -> MediaStreamApp {
        try await start { message, side in
            if case .mark(let mark) = message, mark.mark.name == name { return .close }
            try await script(message, side)
            return .keepListening
        }
    }

    /// Waits until `predicate` holds for the messages received (up to `timeout`).
    func waitFor(timeout: Duration = .seconds(10),
                 _ predicate: @Sendable ([MediaStreamInboundMessage]) -> Bool) async throws -> [MediaStreamInboundMessage] {
        try await waitUntil(timeout: timeout, every: .milliseconds(10), { await log.messages }, predicate) { messages in
            "received \(messages.map(\.event))"
        }
    }

    func stop() async {
        await server.stop()
    }
}
