import NIOCore
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
        let handler = HTTP1ExchangeHandler(waitsForTLSHandshake: tls != nil, eventLoop: channel.eventLoop)
        try operations.addHandler(handler)
        self.channel = channel
        ready = handler.ready.futureResult
        self.handler = NIOLoopBound(handler, eventLoop: channel.eventLoop)
    }

    /// Sends a request and completes with its whole answer, or fails with ``HTTP1ExchangeError``.
    func exchange(_ request: HTTP1ExchangeHandler.Request) -> EventLoopFuture<HTTP1Answer> {
        let promise = channel.eventLoop.makePromise(of: HTTP1Answer.self)
        if channel.eventLoop.inEventLoop {
            handler.value.start(request, promise: promise)
        } else {
            channel.eventLoop.execute { [handler] in handler.value.start(request, promise: promise) }
        }
        return promise.futureResult
    }

    /// Ends the exchange whose answer is `answer`, if still in progress (its caller was cancelled),
    /// and closes the connection; an exchange that is over, and any later one, are left alone.
    func cancel(_ answer: EventLoopFuture<HTTP1Answer>) {
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
    /// The answer is not HTTP/1.1 this client reads (a malformed head, length or chunk).
    case malformedAnswer(String)
}

/// Writes a request and reads its answer (``HTTP1ResponseParser``), on the channel's event loop.
final class HTTP1ExchangeHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// A request ready to write: its bytes, head and body (``HTTPTarget/requestBytes(method:headers:body:)``).
    struct Request: Sendable {
        var bytes: ByteBuffer
        var deadline: NIODeadline
        var maximumAnswerBytes: Int
    }

    /// The exchange in progress: a class, so that its parser reads into the body in place.
    private final class Pending {
        let promise: EventLoopPromise<HTTP1Answer>
        let timer: Scheduled<Void>
        var parser: HTTP1ResponseParser

        init(promise: EventLoopPromise<HTTP1Answer>, timer: Scheduled<Void>, parser: HTTP1ResponseParser) {
            (self.promise, self.timer, self.parser) = (promise, timer, parser)
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

    func start(_ request: Request, promise: EventLoopPromise<HTTP1Answer>) {
        guard isReady, pending == nil, let context, context.channel.isActive else {
            return promise.fail(HTTP1ExchangeError.closedBeforeSending)
        }
        let timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: request.deadline) { [weak self] () -> Void in
            self?.fail(with: .timedOut)
        }
        pending = Pending(promise: promise, timer: timer, parser: HTTP1ResponseParser(maximumBodyBytes: request.maximumAnswerBytes))
        context.writeAndFlush(wrapOutboundOut(request.bytes), promise: nil)
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
        switch Result(catching: { () throws(HTTP1ResponseParser.Failure) in try pending.parser.read(unwrapInboundIn(data)) }) {
        case .success(nil): return
        case .success(var answer?):
            // Bytes after the answer were never asked for: the connection is not used again.
            if pending.parser.hasBytesAfterAnswer { answer.isReusable = false }
            complete(with: answer)
        case .failure(.tooLarge(let limit)): fail(with: .answerTooLarge(limit: limit))
        case .failure(.malformed(let problem)): fail(with: .malformedAnswer(problem))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        ready.fail(ChannelError.ioOnClosedChannel)
        // An answer without a length ends where the connection closes.
        if let answer = pending?.parser.readAtClose() { complete(with: answer) }
        fail(with: .connectionLost(ChannelError.eof))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        ready.fail(error)
        fail(with: .connectionLost(error))
    }

    func cancel(_ answer: EventLoopFuture<HTTP1Answer>) {
        if pending?.promise.futureResult === answer { fail(with: .cancelled) }
    }

    /// Ends the exchange in progress with its answer, closing a connection that cannot carry another.
    private func complete(with answer: HTTP1Answer) {
        guard let pending else { return }
        self.pending = nil
        pending.timer.cancel()
        pending.promise.succeed(answer)
        if !answer.isReusable { context?.close(promise: nil) }
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
