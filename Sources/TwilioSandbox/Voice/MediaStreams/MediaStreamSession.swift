import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket
import TwilioKit

/// One stream's WebSocket connection to the application: connects (signing the handshake with
/// `X-Twilio-Signature`, as Twilio does), then runs a ``MediaStreamLifecycle`` on it — the frames
/// the ``MediaStreamPace`` says are due, the application's messages as they come, the key presses
/// and the hang-up the bridge passes on — and does on the socket what each transition says.
struct MediaStreamSession: Sendable {
    /// What moves the stream on.
    typealias Event = MediaStreamLifecycle.Event

    /// A finished stream: the conversation as it ended, why, and the application's close frame.
    struct Result: Sendable {
        let conversation: MediaStreamConversation
        let end: MediaStreamEnd
        let closeCode: Int?
    }

    let url: String
    let signature: String
    let pace: MediaStreamPace
    let logger: Logger
    /// How long to wait for the application to answer the close handshake.
    static let closeTimeout = Duration.seconds(5)
    /// The largest message accepted from the application (Twilio takes audio chunks of any size).
    static let maximumMessageSize = 1 << 24

    /// Connects and runs `conversation` until the stream ends; `events` (fed through
    /// `continuation`) also carries the hang-up and key presses. `onConnected` runs once the
    /// connection is up, before the first message. Throws when the connection cannot be made.
    func run(_ conversation: MediaStreamConversation, events: AsyncStream<Event>, continuation: AsyncStream<Event>.Continuation,
             onConnected: @escaping @Sendable () async -> Void) async throws -> Result {
        var headers = HTTPFields()
        if let name = HTTPField.Name("X-Twilio-Signature") { headers[name] = signature }
        let configuration = WebSocketClientConfiguration(
            maxFrameSize: Self.maximumMessageSize, additionalHeaders: headers, closeTimeout: Self.closeTimeout)
        let outcome = Outcome()
        let pace = pace
        let closeFrame = try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
            var lifecycle = MediaStreamLifecycle(conversation)
            await onConnected()
            let end = await Self.converse(&lifecycle, inbound: inbound, outbound: outbound, events: events,
                                          continuation: continuation, pace: pace)
            await outcome.set(lifecycle.conversation, end)
        }
        // The client runs the handler once the upgrade succeeded, and throws when it did not.
        guard let (finished, end) = await outcome.value else { throw WebSocketClientError.webSocketUpgradeFailed }
        return Result(conversation: finished, end: end, closeCode: closeFrame.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) })
    }

    /// Hands the conversation out of the WebSocket handler.
    private actor Outcome {
        var value: (MediaStreamConversation, MediaStreamEnd)?

        /// Keeps the conversation as it ended, and why.
        func set(_ conversation: MediaStreamConversation, _ end: MediaStreamEnd) {
            value = (conversation, end)
        }
    }

    /// Runs the lifecycle on the open connection until the stream ends: the opening messages,
    /// then every event, each transition's action done on the socket.
    private static func converse(_ lifecycle: inout MediaStreamLifecycle, inbound: WebSocketInboundStream,
                                 outbound: WebSocketOutboundWriter, events: AsyncStream<Event>,
                                 continuation: AsyncStream<Event>.Continuation, pace: MediaStreamPace) async -> MediaStreamEnd {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await read(inbound, into: continuation) }
            defer { group.cancelAll() }
            guard await send(lifecycle.opening(), outbound) else { return .connectionLost }
            group.addTask {
                for await due in pace.framesDue() { continuation.yield(.framesDue(due)) }
            }
            for await event in events {
                let action = lifecycle.handle(event)
                let end = await perform(action, &lifecycle, outbound) {
                    group.addTask {
                        guard (try? await Task.sleep(for: closeTimeout)) != nil else { return }
                        continuation.yield(.closeTimedOut)
                    }
                }
                if let end { return end }
            }
            return .callEnded
        }
    }

    /// Does `action` on the socket (a failed write is the lifecycle's next event); returns the
    /// stream's end once it is over. `startCloseTimer` runs once the sandbox has closed its side.
    private static func perform(_ action: MediaStreamLifecycle.Action, _ lifecycle: inout MediaStreamLifecycle,
                                _ outbound: WebSocketOutboundWriter, startCloseTimer: () -> Void) async -> MediaStreamEnd? {
        var action = action
        while true {
            switch action {
            case .none:
                return nil
            case .send(let messages):
                guard await send(messages, outbound) else {
                    action = lifecycle.handle(.writeFailed)
                    continue
                }
                return nil
            case .close(let messages, let code, let reason):
                guard await send(messages, outbound) else {
                    action = lifecycle.handle(.writeFailed)
                    continue
                }
                try? await outbound.close(code, reason: reason)
                startCloseTimer()
                return nil
            case .finish(let end):
                return end
            }
        }
    }

    /// Passes the application's messages on until the connection closes; a failure that is not
    /// the connection going away is the application breaking the WebSocket protocol.
    private static func read(_ inbound: WebSocketInboundStream, into continuation: AsyncStream<Event>.Continuation) async {
        do {
            for try await message in inbound.messages(maxSize: maximumMessageSize) {
                switch message {
                case .text(let text): continuation.yield(.text(text))
                case .binary: continuation.yield(.binary)
                }
            }
            continuation.yield(.connectionClosed)
        } catch where error is IOError || error is ChannelError || Task.isCancelled {
            continuation.yield(.connectionClosed)
        } catch {
            continuation.yield(.protocolViolation("the application's WebSocket frames break the protocol (\(error))"))
            continuation.yield(.connectionClosed)
        }
    }

    /// Sends `messages` as JSON text; `false` when the connection is gone.
    private static func send(_ messages: [MediaStreamInboundMessage], _ outbound: WebSocketOutboundWriter) async -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        do {
            for message in messages {
                try await outbound.write(.text(String(decoding: try encoder.encode(message), as: UTF8.self)))
            }
            return true
        } catch {
            return false
        }
    }
}
