import HTTPTypes
import Logging
import NIOWebSocket
import HummingbirdWSClient

/// A WebSocket's messages as ``MediaStreamFrame``s (fragmented messages joined, up to `maxSize`).
public struct WebSocketFrames: AsyncSequence, Sendable {
    public typealias Element = MediaStreamFrame

    let inbound: WebSocketInboundStream
    let maxSize: Int

    /// The messages of `inbound`, each at most `maxSize` bytes.
    public init(_ inbound: WebSocketInboundStream, maxSize: Int) {
        self.inbound = inbound
        self.maxSize = maxSize
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: WebSocketInboundStream.AsyncIterator
        let maxSize: Int

        public mutating func next() async throws -> MediaStreamFrame? {
            switch try await base.nextMessage(maxSize: maxSize) {
            case .text(let text)?: .text(text)
            case .binary(let buffer)?: .binary(buffer.readableBytes)
            case nil: nil
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: inbound.makeAsyncIterator(), maxSize: maxSize)
    }
}

/// ``MediaStreamSender`` over a WebSocket's writer.
public struct WebSocketSender: MediaStreamSender {
    let outbound: WebSocketOutboundWriter

    /// Sends with `outbound`.
    public init(_ outbound: WebSocketOutboundWriter) {
        self.outbound = outbound
    }

    public func send(_ text: String) async throws {
        try await outbound.write(.text(text))
    }

    public func close(_ reason: MediaStreamClose) async {
        try? await outbound.close(reason.webSocketCode, reason: reason == .normal ? nil : reason.webSocketReason)
    }
}

extension MediaStreamClose {
    /// The WebSocket close code for this close.
    public var webSocketCode: WebSocketErrorCode {
        switch self {
        case .normal: .normalClosure
        case .protocolError: .protocolError
        case .policyViolation: .policyViolation
        }
    }

    /// The close frame's reason: the text, cut at a character boundary to the 123 bytes a close frame holds.
    public var webSocketReason: String {
        switch self {
        case .normal: return ""
        case .protocolError(let text), .policyViolation(let text):
            var reason = ""
            for character in text {
                guard reason.utf8.count + String(character).utf8.count <= 123 else { break }
                reason.append(character)
            }
            return reason
        }
    }
}

/// ``MediaStreamDialer`` with hummingbird-websocket's client (TLS for `wss://`).
public struct WebSocketMediaStreamDialer: MediaStreamDialer {
    /// The largest message accepted from the application (agents send audio in large chunks).
    public static let maximumMessageSize = 1 << 24
    let logger: Logger

    /// A dialer logging to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    public func connect(to url: String, headers: [String: String], body: @escaping @Sendable (MediaStreamConnection) async -> Void) async throws {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let field = HTTPField.Name(name) else { continue }
            fields[field] = value
        }
        let configuration = WebSocketClientConfiguration(maxFrameSize: Self.maximumMessageSize, additionalHeaders: fields)
        try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
            await body(MediaStreamConnection(frames: WebSocketFrames(inbound, maxSize: Self.maximumMessageSize), sender: WebSocketSender(outbound)))
        }
    }
}
