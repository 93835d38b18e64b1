import NIOCore
import NIOHTTP1
import NIOSSL
import NIOTLS

/// One keep-alive HTTP/1.1 connection, carrying one exchange at a time. Its handler runs on the
/// channel's event loop; an exchange asked for from that loop starts there with no hop.
final class HTTP1Connection: Sendable {
    let channel: any Channel
    /// Succeeds when requests can be written: once connected, and for TLS once the handshake is done.
    let ready: EventLoopFuture<Void>
    private let handler: NIOLoopBound<HTTP1ExchangeHandler>

    /// Sets up `channel`'s pipeline for `endpoint` (TLS first when it uses TLS); run on the
    /// channel's event loop, before it connects.
    init(configuring channel: any Channel, for endpoint: HTTPEndpoint, tls: NIOSSLContext?) throws {
        let operations = channel.pipeline.syncOperations
        if let tls {
            // SNI and certificate checks use the host name; an IP address is checked against the
            // certificate's addresses instead (SNI cannot carry one).
            let isAddress = (try? SocketAddress(ipAddress: endpoint.host, port: 0)) != nil
            try operations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: isAddress ? nil : endpoint.host))
        }
        // HTTPTarget has checked the request line and header fields already (once, cheaper).
        try operations.addHTTPClientHandlers(enableOutboundHeaderValidation: false)
        let handler = HTTP1ExchangeHandler(waitsForTLSHandshake: tls != nil, eventLoop: channel.eventLoop)
        try operations.addHandler(handler)
        self.channel = channel
        ready = handler.ready.futureResult
        self.handler = NIOLoopBound(handler, eventLoop: channel.eventLoop)
    }

    /// Sends a request and completes with its whole answer, or fails with ``HTTP1ExchangeError``.
    func exchange(_ request: HTTP1ExchangeHandler.Request) -> EventLoopFuture<HTTP1ExchangeHandler.Outcome> {
        let promise = channel.eventLoop.makePromise(of: HTTP1ExchangeHandler.Outcome.self)
        if channel.eventLoop.inEventLoop {
            handler.value.start(request, promise: promise)
        } else {
            channel.eventLoop.execute { [handler] in handler.value.start(request, promise: promise) }
        }
        return promise.futureResult
    }

    /// Ends the exchange whose answer is `answer`, if still in progress (its caller was cancelled),
    /// and closes the connection; an exchange that is over, and any later one, are left alone.
    func cancel(_ answer: EventLoopFuture<HTTP1ExchangeHandler.Outcome>) {
        channel.eventLoop.execute { [handler] in handler.value.cancel(answer) }
    }
}

/// Why an exchange got no answer.
enum HTTP1ExchangeError: Error {
    /// The connection was closed before the request was written.
    case closedBeforeSending
    /// The deadline passed before the whole answer arrived.
    case timedOut
    /// The answer is longer than the limit.
    case answerTooLarge(limit: Int)
    /// The caller was cancelled.
    case cancelled
    /// The connection broke (or the server closed it) before the whole answer arrived.
    case connectionLost(any Error)
}

/// Writes a request and gathers its answer, on the channel's event loop.
final class HTTP1ExchangeHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    /// A request ready to write.
    struct Request: Sendable {
        var head: HTTPRequestHead
        var body: ByteBuffer?
        var deadline: NIODeadline
        var maximumAnswerBytes: Int
    }

    /// A whole answer, and whether the connection can carry another request.
    struct Outcome: Sendable {
        var response: TwilioHTTPResponse
        var isReusable: Bool
    }

    /// The exchange in progress: a class, so that appending to its body never copies it.
    private final class Pending {
        let promise: EventLoopPromise<Outcome>
        let limit: Int
        let timer: Scheduled<Void>
        var head: HTTPResponseHead?
        var body: [UInt8] = []

        init(promise: EventLoopPromise<Outcome>, limit: Int, timer: Scheduled<Void>) {
            (self.promise, self.limit, self.timer) = (promise, limit, timer)
        }
    }

    let ready: EventLoopPromise<Void>
    private let waitsForTLSHandshake: Bool
    private var isReady = false
    private var context: ChannelHandlerContext?
    private var pending: Pending?

    init(waitsForTLSHandshake: Bool, eventLoop: any EventLoop) {
        self.waitsForTLSHandshake = waitsForTLSHandshake
        ready = eventLoop.makePromise()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        // A connection that failed before it was active ends here with no `channelInactive`.
        ready.fail(ChannelError.ioOnClosedChannel)
        fail(with: .connectionLost(ChannelError.ioOnClosedChannel))
        self.context = nil
    }

    func start(_ request: Request, promise: EventLoopPromise<Outcome>) {
        guard isReady, pending == nil, let context, context.channel.isActive else {
            return promise.fail(HTTP1ExchangeError.closedBeforeSending)
        }
        let timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: request.deadline) { [weak self] () -> Void in
            self?.fail(with: .timedOut)
        }
        pending = Pending(promise: promise, limit: request.maximumAnswerBytes, timer: timer)
        context.write(wrapOutboundOut(.head(request.head)), promise: nil)
        if let body = request.body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelActive(context: ChannelHandlerContext) {
        if !waitsForTLSHandshake { becomeReady() }
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent { becomeReady() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let pending else {
            // An answer nobody asked for: the connection can no longer be trusted.
            return context.close(promise: nil)
        }
        switch unwrapInboundIn(data) {
        case .head(let head):
            pending.head = head
            if let length = head.headers.first(name: "Content-Length").flatMap(Int.init), length > pending.limit {
                fail(with: .answerTooLarge(limit: pending.limit))
            }
        case .body(let buffer):
            guard pending.body.count + buffer.readableBytes <= pending.limit else {
                return fail(with: .answerTooLarge(limit: pending.limit))
            }
            pending.body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head = pending.head else { return }
            if (100..<200).contains(head.status.code) {
                // An interim answer (such as 100 Continue): the final one follows.
                (pending.head, pending.body) = (nil, [])
                return
            }
            self.pending = nil
            pending.timer.cancel()
            let response = TwilioHTTPResponse(status: Int(head.status.code), headers: head.headers.map { (name: $0.name, value: $0.value) },
                                              body: pending.body)
            pending.promise.succeed(Outcome(response: response, isReusable: head.isKeepAlive))
            if !head.isKeepAlive { context.close(promise: nil) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        ready.fail(ChannelError.ioOnClosedChannel)
        fail(with: .connectionLost(ChannelError.eof))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        ready.fail(error)
        fail(with: .connectionLost(error))
    }

    func cancel(_ answer: EventLoopFuture<Outcome>) {
        if pending?.promise.futureResult === answer { fail(with: .cancelled) }
    }

    /// Fails the exchange in progress, if any, and closes the connection.
    private func fail(with error: HTTP1ExchangeError) {
        if let pending {
            self.pending = nil
            pending.timer.cancel()
            pending.promise.fail(error)
        }
        context?.close(promise: nil)
    }

    private func becomeReady() {
        guard !isReady else { return }
        isReady = true
        ready.succeed()
    }
}
