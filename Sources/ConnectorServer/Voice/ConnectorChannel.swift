import ConnectorVoice
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1
import TwilioKit

/// The connector's connections: HTTP/1.1 with a WebSocket upgrade for `/streams/<workflow>`.
/// hummingbird-websocket's upgrade channel does the upgrade and the WebSocket; in front of its
/// upgrade handler sits a ``StreamAdmissionHandler``, which answers a refused stream upgrade with
/// 403 or 404 (where the upgrade channel would answer 400) and times out a first request that is
/// slow to come. The HTTP handlers — the request read timeout among them — are added only to
/// connections that stay HTTP, so they never see WebSocket frames.
struct ConnectorChannel: ServerChildChannel {
    typealias Value = HTTP1WebSocketUpgradeChannel.Value

    let upgrade: HTTP1WebSocketUpgradeChannel
    let admission: StreamAdmission
    let readTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        upgrade.setup(channel: channel, logger: logger).flatMapThrowing { [admission, readTimeout] value in
            let upgrader = try channel.pipeline.syncOperations.handler(
                type: NIOTypedHTTPServerUpgradeHandler<HTTP1WebSocketUpgradeChannel.UpgradeResult>.self)
            try channel.pipeline.syncOperations.addHandler(StreamAdmissionHandler(admission: admission, timeout: readTimeout),
                                                           position: .before(upgrader))
            return value
        }
    }

    /// Handles the connection on its channel's event loop (``EventLoopTaskExecutor``): its
    /// requests, or its media stream's reader, workflow and sender.
    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
            await upgrade.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with the connector's media streams: `limits` for HTTP requests (read and idle
    /// timeouts), and `/streams/<workflow>` upgraded to WebSockets when `admission` allows, each
    /// run by `admission`'s real-time calls.
    static func connector(limits: ServerLimits, admission: StreamAdmission) -> HTTPServerBuilder {
        let readTimeout = TimeAmount(limits.readTimeout)
        let configuration = HTTP1WebSocketUpgradeChannel.Configuration(
            http1: HTTP1Channel.Configuration(additionalChannelHandlers: [RequestReadTimeoutHandler(timeout: readTimeout)],
                                              idleTimeout: TimeAmount(limits.idleTimeout)),
            ws: WebSocketServerConfiguration(maxFrameSize: maximumMessageSize, autoPing: .disabled, closeTimeout: .seconds(5)))
        let shouldUpgrade: @Sendable (HTTPRequest, any Channel, Logger) throws -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> = {
            request, _, _ in
            guard case .success(let workflow) = admission.check(StreamUpgradeRequest(request)), let voice = admission.voice else {
                return .dontUpgrade
            }
            return .upgrade([:]) { inbound, outbound, context in
                await voice.runStream(workflow: workflow, inbound: WebSocketFrames(inbound, maxSize: maximumMessageSize),
                                      sender: WebSocketSender(outbound), logger: context.logger)
            }
        }
        return HTTPServerBuilder { responder in
            ConnectorChannel(upgrade: HTTP1WebSocketUpgradeChannel(responder: responder, configuration: configuration, shouldUpgrade: shouldUpgrade),
                             admission: admission, readTimeout: readTimeout)
        }
    }

    /// The largest message accepted on a media stream (Twilio's are small).
    private static let maximumMessageSize = 1 << 16
}
