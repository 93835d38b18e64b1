import Foundation
import Logging
import MCP
import TwilioKit

/// A transport that answers `tools/call` requests itself and passes every other message — and
/// every answer of the SDK's server — through to and from `inner`.
///
/// The MCP Swift SDK (0.12.1) hands each request to its handler by encoding it to JSON and
/// decoding it again as the typed request, and turns the handler's result into its `Value` type
/// the same way; `Value`'s decoder builds and compiles a data-URL regular expression for every
/// string it meets. For a tool whose answer carries a Twilio resource (forty-odd strings, twice:
/// as text and as `structuredContent`), that was three quarters of a call's CPU. Here a call is
/// read once, by TwilioKit's JSON parser, run by the toolbox, and its answer encoded once with the
/// SDK's own types and settings, as its server would have sent it. Cancellation
/// (`notifications/cancelled`) ends a call and its answer is not sent, as the SDK does. Calls that
/// arrive while the SDK has not yet answered `initialize` wait for that answer, so that a client
/// that writes without waiting still gets the answers in the order the server's would come.
public actor ToolCallTransport: Transport {
    private let inner: any Transport
    private let toolbox: ConnectorToolbox
    /// The calls in progress, by request id, to cancel.
    private var calls: [ID: Task<Void, Never>] = [:]
    /// The `initialize` request the SDK has not answered yet, and the calls held until it has.
    private var unansweredInitialize: ID?
    private var heldCalls: [ToolCall] = []
    public nonisolated let logger: Logger

    /// Serves `toolbox`'s calls over `inner`.
    public init(_ inner: any Transport, toolbox: ConnectorToolbox, logger: Logger) {
        self.inner = inner
        self.toolbox = toolbox
        self.logger = logger
    }

    public func connect() async throws { try await inner.connect() }

    public func disconnect() async {
        for call in calls.values { call.cancel() }
        calls = [:]
        await inner.disconnect()
    }

    public func send(_ data: Data) async throws {
        try await inner.send(data)
        if let awaited = unansweredInitialize, IncomingMessage.answerID(of: data) == awaited {
            unansweredInitialize = nil
            for call in heldCalls { start(call) }
            heldCalls = []
        }
    }

    /// The messages for the SDK's server: everything `inner` receives but the tool calls.
    public func receive() -> AsyncThrowingStream<Data, any Error> {
        let (messages, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        let relay = Task {
            do {
                for try await data in await inner.receive() {
                    switch IncomingMessage(data) {
                    case .toolCall(let call):
                        if unansweredInitialize == nil { start(call) } else { heldCalls.append(call) }
                    case .initialize(let id):
                        unansweredInitialize = id
                        continuation.yield(data)
                    case .cancellation(let id):
                        calls.removeValue(forKey: id)?.cancel()
                        heldCalls.removeAll { $0.id == id }
                        continuation.yield(data)
                    case .other: continuation.yield(data)
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in relay.cancel() }
        return messages
    }

    private func start(_ call: ToolCall) {
        logger.debug("Tool called", metadata: ["tool": "\(call.name)"])
        calls[call.id] = Task { [toolbox, inner] in
            let response: Response<CallTool>
            do {
                response = Response(id: call.id, result: try await toolbox.call(call.name, json: call.arguments))
            } catch is CancellationError {
                finished(call.id)
                return
            } catch {
                response = Response(id: call.id, error: error as? MCPError ?? .internalError(error.localizedDescription))
            }
            finished(call.id)
            guard !Task.isCancelled else { return }
            do {
                try await inner.send(try Self.encoder.encode(response))
            } catch {
                logger.error("A tool's answer could not be sent", metadata: ["tool": "\(call.name)", "error": "\(error)"])
            }
        }
    }

    private func finished(_ id: ID) { calls.removeValue(forKey: id) }

    /// An encoder with the SDK server's settings, made once (not for every answer).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// A `tools/call` request: its id, the tool's name and its arguments.
struct ToolCall: Sendable {
    let id: ID
    let name: String
    let arguments: [String: JSONValue]
}

/// What a message from the client is to ``ToolCallTransport``.
enum IncomingMessage {
    case toolCall(ToolCall)
    /// `initialize`, with its request id.
    case initialize(ID)
    /// `notifications/cancelled` of the request with this id.
    case cancellation(ID)
    /// Anything else, for the SDK's server — also a malformed `tools/call`, which it refuses
    /// with its own errors.
    case other

    init(_ data: Data) {
        guard let message = (try? JSONParser.parse(data))?.objectFields, message["jsonrpc"] == "2.0",
              case .string(let method)? = message["method"] else {
            self = .other
            return
        }
        let params = message["params"]?.objectFields
        switch method {
        case CallTool.name:
            guard let id = message["id"].flatMap(Self.id), case .string(let name)? = params?["name"] else { break }
            switch params?["arguments"] {
            case nil, .null?:
                self = .toolCall(ToolCall(id: id, name: name, arguments: [:]))
                return
            case .object(let arguments)?:
                self = .toolCall(ToolCall(id: id, name: name, arguments: arguments))
                return
            default: break
            }
        case Initialize.name:
            if let id = message["id"].flatMap(Self.id) {
                self = .initialize(id)
                return
            }
        case CancelledNotification.name:
            if let id = params?["requestId"].flatMap(Self.id) {
                self = .cancellation(id)
                return
            }
        default: break
        }
        self = .other
    }

    /// The id of `data` when it is an answer (a result or an error, no method).
    static func answerID(of data: Data) -> ID? {
        guard let message = (try? JSONParser.parse(data))?.objectFields, message["method"] == nil,
              message["result"] != nil || message["error"] != nil else { return nil }
        return message["id"].flatMap(id)
    }

    /// A JSON-RPC id: a string, or a whole number.
    private static func id(_ value: JSONValue) -> ID? {
        switch value {
        case .string(let text): .string(text)
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: .number(Int(number))
        default: nil
        }
    }
}
