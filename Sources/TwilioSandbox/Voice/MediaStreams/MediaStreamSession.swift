import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOWebSocket
import TwilioKit

/// One stream's WebSocket connection to the application: connects (signing the handshake with
/// `X-Twilio-Signature`, as Twilio does), then runs a ``MediaStreamConversation`` on it: the
/// frames due at each tick, the application's messages as they come, a hang-up when the call ends.
/// After `stop` it closes the connection and keeps collecting the application's audio until the
/// close handshake completes.
struct MediaStreamSession: Sendable {
    /// What moves the conversation on.
    enum Event: Sendable, Equatable {
        case tick
        case text(String)
        case binary
        /// The application closed the connection (or it broke).
        case closed
        /// The call ended or left the `<Connect>`: the stream stops.
        case hangUp
    }

    /// Why a stream ended.
    enum End: String, Sendable {
        /// The caller's audio was over: the sandbox sent `stop` and closed.
        case audioEnded = "audio-ended"
        /// The call ended (hang-up, redirect, time limit): the sandbox sent `stop` and closed.
        case callEnded = "call-ended"
        /// The application closed the connection.
        case appClosed = "app-closed"
        /// The connection broke while the sandbox was writing (31903).
        case connectionLost = "connection-lost"
    }

    /// A finished stream: the conversation as it ended, why, and the application's close frame.
    struct Result: Sendable {
        let conversation: MediaStreamConversation
        let end: End
        let closeCode: Int?
    }

    let url: String
    let signature: String
    let frameInterval: Duration
    let logger: Logger
    /// How long to wait for the application to answer the close handshake.
    static let closeTimeout = Duration.seconds(5)
    /// The largest message accepted from the application (Twilio takes audio chunks of any size).
    static let maximumMessageSize = 1 << 24

    /// Connects and runs `conversation` until the stream ends; `events` also carries the
    /// hang-up. Throws when the connection cannot be made.
    func run(_ conversation: MediaStreamConversation, events: AsyncStream<Event>, continuation: AsyncStream<Event>.Continuation,
             onStarted: @escaping @Sendable () async -> Void) async throws -> Result {
        var headers = HTTPFields()
        if let name = HTTPField.Name("X-Twilio-Signature") { headers[name] = signature }
        let configuration = WebSocketClientConfiguration(
            maxFrameSize: Self.maximumMessageSize, additionalHeaders: headers, closeTimeout: Self.closeTimeout)
        let outcome = Outcome()
        let closeFrame = try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
            var finished = conversation
            let end = await Self.converse(&finished, inbound: inbound, outbound: outbound, events: events,
                                          continuation: continuation, interval: frameInterval, onStarted: onStarted)
            await outcome.set(finished, end)
        }
        // The client runs the handler once the upgrade succeeded, and throws when it did not.
        guard let (finished, end) = await outcome.value else { throw WebSocketClientError.webSocketUpgradeFailed }
        return Result(conversation: finished, end: end, closeCode: closeFrame.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) })
    }

    /// Hands the conversation out of the WebSocket handler.
    private actor Outcome {
        var value: (MediaStreamConversation, End)?

        /// Keeps the conversation as it ended, and why.
        func set(_ conversation: MediaStreamConversation, _ end: End) {
            value = (conversation, end)
        }
    }

    /// Runs the conversation on the open connection until the stream ends: the opening messages, then
    /// the frames due at each tick, the application's messages, and the hang-up.
    private static func converse(_ conversation: inout MediaStreamConversation, inbound: WebSocketInboundStream,
                                 outbound: WebSocketOutboundWriter, events: AsyncStream<Event>,
                                 continuation: AsyncStream<Event>.Continuation, interval: Duration,
                                 onStarted: @Sendable () async -> Void) async -> End {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await read(inbound, into: continuation) }
            group.addTask { await tick(every: interval, into: continuation) }
            defer { group.cancelAll() }
            guard await send(conversation.opening(), outbound) else { return .connectionLost }
            let start = ContinuousClock.now
            await onStarted()
            var end: End?
            var closeDeadline: ContinuousClock.Instant?
            for await event in events {
                var replies: [MediaStreamInboundMessage] = []
                switch event {
                case .tick:
                    if let closeDeadline {
                        if ContinuousClock.now >= closeDeadline { return end ?? .appClosed }
                        continue
                    }
                    replies = conversation.advance(to: Int((ContinuousClock.now - start) / interval))
                case .text(let text):
                    replies = conversation.receive(text: text)
                case .binary:
                    conversation.receiveBinary()
                case .hangUp:
                    replies = conversation.stop()
                case .closed:
                    return end ?? .appClosed
                }
                guard await send(replies, outbound) else { return end ?? .connectionLost }
                if conversation.isStopped, end == nil {
                    end = event == .hangUp ? .callEnded : .audioEnded
                    try? await outbound.close(.normalClosure, reason: nil)
                    closeDeadline = .now + closeTimeout
                }
            }
            return end ?? .callEnded
        }
    }

    /// Passes the application's messages on until the connection closes.
    private static func read(_ inbound: WebSocketInboundStream, into continuation: AsyncStream<Event>.Continuation) async {
        do {
            for try await message in inbound.messages(maxSize: maximumMessageSize) {
                switch message {
                case .text(let text): continuation.yield(.text(text))
                case .binary: continuation.yield(.binary)
                }
            }
        } catch {}
        continuation.yield(.closed)
    }

    /// Ticks every `interval` (the frames due are counted from the clock, so a late tick loses none).
    private static func tick(every interval: Duration, into continuation: AsyncStream<Event>.Continuation) async {
        while (try? await Task.sleep(for: interval)) != nil {
            continuation.yield(.tick)
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
