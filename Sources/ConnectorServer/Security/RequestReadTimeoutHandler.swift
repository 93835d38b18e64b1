import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client takes longer than `timeout` to send a request: from the
/// moment it connects until its first request has fully arrived (headers sent slowly, a
/// "slowloris"), and from each later request's headers to its last body byte. Idle keep-alive
/// time between requests is the idle timeout's business, not this one's.
final class RequestReadTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let deadline: ConnectionDeadline

    init(timeout: TimeAmount) {
        deadline = ConnectionDeadline(timeout: timeout)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { deadline.start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        deadline.start(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline.stop()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline.stop()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: deadline.start(context)
        case .body: break
        case .end: deadline.cancel()
        }
        context.fireChannelRead(data)
    }
}
