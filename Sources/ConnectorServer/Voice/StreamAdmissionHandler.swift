import NIOCore
import NIOHTTP1
import TwilioKit

/// The first handler a connection's first request meets, ahead of the WebSocket upgrade: answers
/// a refused stream upgrade (``StreamAdmission``) with its status and a JSON error before any
/// upgrade, and closes a connection whose client has not sent a request head within `timeout`
/// (the request read timeout of the first request, which the HTTP handlers added after the upgrade
/// decision cannot cover). It removes itself once the first head has passed, so it never sees
/// WebSocket frames.
final class StreamAdmissionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let admission: StreamAdmission
    private let deadline: ConnectionDeadline
    /// A refusal was answered: the rest of the request is dropped.
    private var refused = false

    init(admission: StreamAdmission, timeout: TimeAmount) {
        self.admission = admission
        deadline = ConnectionDeadline(timeout: timeout)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startDeadline(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        startDeadline(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline.stop()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        guard case .head(let head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        deadline.cancel()
        let request = StreamUpgradeRequest(head)
        if request.isWebSocketUpgrade, request.path.hasPrefix(StreamAdmission.pathPrefix),
           case .failure(let refusal) = admission.check(request) {
            refused = true
            refuse(context, refusal, version: head.version)
            return
        }
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    /// Answers `refusal` and closes the connection.
    private func refuse(_ context: ChannelHandlerContext, _ refusal: StreamAdmission.Refusal, version: HTTPVersion) {
        let body: JSONValue = ["success": false, "error": .string(refusal.message)]
        let buffer = context.channel.allocator.buffer(bytes: body.compactBytes)
        let headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(buffer.readableBytes)), ("Connection", "close")])
        let status = HTTPResponseStatus(statusCode: refusal.status.code)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in loopBound.value.close(promise: nil) }
    }

    private func startDeadline(_ context: ChannelHandlerContext) {
        guard !refused else { return }
        deadline.start(context)
    }
}
