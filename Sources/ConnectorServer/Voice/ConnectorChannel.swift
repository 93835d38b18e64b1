import ConnectorVoice
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import NIOWebSocket
import ServiceLifecycle
import TwilioKit

/// The connector's connections: HTTP/1.1, with a WebSocket upgrade for `/streams/<workflow>`.
///
/// Ahead of NIO's upgrade handler sits a ``StreamAdmissionHandler``, which answers a refused
/// stream upgrade with 403 or 404 and times out a first request that is slow to come. An upgraded
/// connection is a media stream: its frames go to a ``MediaStreamChannelHandler`` that hands them
/// to the stream's session on the event loop, and the session writes straight to the channel —
/// no task, buffer or actor between a frame and the workflow's answer. Connections that stay
/// HTTP get Hummingbird's handlers (the request read timeout among them), which never see
/// WebSocket frames.
struct ConnectorChannel: ServerChildChannel, HTTPChannelHandler {
    /// What a connection became once its first request was read.
    enum Negotiated: Sendable {
        /// HTTP requests.
        case http(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        /// A WebSocket upgrade nobody takes (not a stream's path): answered 400.
        case refusedUpgrade(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        /// A media stream, to run.
        case stream(StreamConnection)
    }

    struct Value: ServerChildChannelValue {
        let negotiated: EventLoopFuture<Negotiated>
        let channel: any Channel
    }

    /// What the upgrader's two steps share: the workflow the admission let the request stream to.
    private enum Admitted {
        case none
        case refused
        case workflow(String)
    }

    let responder: HTTPChannelHandler.Responder
    let admission: StreamAdmission
    let limits: ServerLimits

    /// The largest message accepted on a media stream (Twilio's are small).
    static let maximumMessageSize = 1 << 16
    /// How long the connector waits for Twilio to answer its close frame.
    static let closeTimeout = TimeAmount.seconds(5)

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let readTimeout = TimeAmount(limits.readTimeout)
            let admitted = NIOLoopBoundBox(Admitted.none, eventLoop: channel.eventLoop)
            let upgrader = NIOTypedWebSocketServerUpgrader<Negotiated>(
                maxFrameSize: Self.maximumMessageSize,
                shouldUpgrade: { [admission] channel, head in
                    guard case .success(let workflow) = admission.check(StreamUpgradeRequest(head)) else {
                        admitted.value = .refused
                        return channel.eventLoop.makeSucceededFuture(nil)
                    }
                    admitted.value = .workflow(workflow)
                    return channel.eventLoop.makeSucceededFuture(HTTPHeaders())
                },
                upgradePipelineHandler: { [admission] channel, _ in
                    channel.eventLoop.makeCompletedFuture {
                        let writer = EncodedFrameWriter()
                        try channel.pipeline.syncOperations.addHandler(
                            writer, position: .before(try channel.pipeline.syncOperations.handler(type: WebSocketFrameEncoder.self)))
                        let socket = MediaStreamSocket(channel: channel, writer: writer, closeTimeout: Self.closeTimeout)
                        guard case .workflow(let workflow) = admitted.value,
                              let stream = admission.voice?.openStream(workflow: workflow, output: socket, logger: logger) else {
                            throw ChannelError.inappropriateOperationForState
                        }
                        try channel.pipeline.syncOperations.addHandler(
                            MediaStreamChannelHandler(connection: stream, socket: socket, maxMessageSize: Self.maximumMessageSize))
                        return .stream(stream)
                    }
                })
            let upgrade = NIOTypedHTTPServerUpgradeConfiguration(upgraders: [upgrader]) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(HTTP1ToHTTPServerCodec(secure: false))
                    try sync.addHandler(RequestReadTimeoutHandler(timeout: readTimeout))
                    try sync.addHandler(HTTPConnectionStateHandler(idleTimeout: limits.idleTimeout, logger: logger))
                    let http = try NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>(wrappingChannelSynchronously: channel,
                                                                                      configuration: .init(isOutboundHalfClosureEnabled: true))
                    if case .refused = admitted.value { return .refusedUpgrade(http) }
                    return .http(http)
                }
            }
            var configuration = NIOUpgradableHTTPServerPipelineConfiguration(upgradeConfiguration: upgrade)
            configuration.enablePipelining = false // Hummingbird reads one request at a time
            configuration.enableErrorHandling = false // Hummingbird answers errors
            configuration.enableResponseHeaderValidation = false // Swift HTTP Types validated them
            let negotiated = try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(configuration: configuration)
            let upgradeHandler = try channel.pipeline.syncOperations.handler(type: NIOTypedHTTPServerUpgradeHandler<Negotiated>.self)
            try channel.pipeline.syncOperations.addHandler(StreamAdmissionHandler(admission: admission, timeout: readTimeout),
                                                           position: .before(upgradeHandler))
            return Value(negotiated: negotiated, channel: channel)
        }
    }

    /// Handles the connection on its channel's event loop (``EventLoopTaskExecutor``): its
    /// requests, or its media stream's token check and workflow.
    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
            do {
                switch try await value.negotiated.get() {
                case .http(let http):
                    await handleHTTP(asyncChannel: http, logger: logger)
                case .refusedUpgrade(let http):
                    await Self.refuseUpgrade(http, logger: logger)
                case .stream(let stream):
                    // Stopping the server ends its streams (their calls go on to the TwiML after
                    // `<Connect>`) rather than waiting for their calls to end.
                    await withGracefulShutdownHandler {
                        await admission.voice?.run(stream)
                    } onGracefulShutdown: {
                        stream.connectionClosed()
                    }
                }
            } catch {
                logger.debug("A connection closed before its first request was read: \(error)")
            }
        }
    }

    /// Answers a WebSocket upgrade that no route takes: 400, and the connection closes.
    private static func refuseUpgrade(_ http: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>, logger: Logger) async {
        do {
            try await http.executeThenClose { _, outbound in
                let head = HTTPResponse(status: .badRequest, headerFields: [.connection: "close", .contentLength: "0"])
                try await outbound.write(contentsOf: [.head(head), .end(nil)])
            }
        } catch {
            logger.trace("The refused upgrade's answer was not written: \(error)")
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with the connector's media streams: `limits` for HTTP requests (read and idle
    /// timeouts), and `/streams/<workflow>` upgraded to WebSockets when `admission` allows, each
    /// run by `admission`'s real-time calls.
    static func connector(limits: ServerLimits, admission: StreamAdmission) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            ConnectorChannel(responder: responder, admission: admission, limits: limits)
        }
    }
}
