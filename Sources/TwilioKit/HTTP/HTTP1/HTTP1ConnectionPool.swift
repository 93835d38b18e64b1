import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// Keep-alive HTTP/1.1 connections, pooled by endpoint, for ``HTTP1Transport``: a request takes
/// an idle connection (one on the event loop it runs on, when there is one), or opens one while
/// the endpoint has fewer than ``maximumConnectionsPerEndpoint``, or else waits for one to be
/// given back. A connection idle for longer than ``idleTimeout`` is closed instead of reused, so
/// that a request is not written just as the server closes it.
public final class HTTP1ConnectionPool: Sendable {
    /// The most connections open to one endpoint at once (as many requests in flight to it).
    public let maximumConnectionsPerEndpoint: Int
    /// How long establishing a connection (TCP, then TLS) may take.
    public let connectTimeout: Duration
    /// How long a connection may sit idle and still be reused.
    public let idleTimeout: Duration
    /// The event loops connections run on.
    public let eventLoopGroup: any EventLoopGroup
    private let tlsConfiguration: TLSConfiguration
    private let tlsContext = NIOLockedValueBox<NIOSSLContext?>(nil)
    private let endpoints = NIOLockedValueBox<[HTTPEndpoint: EndpointState]>([:])

    /// The process-wide pool, with the defaults: no shutdown needed.
    public static let shared = HTTP1ConnectionPool()

    /// A pool of up to `maximumConnectionsPerEndpoint` connections to each endpoint, each
    /// established within `connectTimeout` (a connection that fails is reported as such, never
    /// retried here: the retry policy, which knows nothing was sent, decides), with
    /// `tlsConfiguration` for `https` (the system's trust roots, by default).
    public init(maximumConnectionsPerEndpoint: Int = 64, connectTimeout: Duration = .seconds(5), idleTimeout: Duration = .seconds(20),
                tlsConfiguration: TLSConfiguration = .makeClientConfiguration(),
                eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        precondition(maximumConnectionsPerEndpoint > 0, "a pool needs at least one connection per endpoint")
        self.maximumConnectionsPerEndpoint = maximumConnectionsPerEndpoint
        self.connectTimeout = connectTimeout
        self.idleTimeout = idleTimeout
        self.tlsConfiguration = tlsConfiguration
        self.eventLoopGroup = eventLoopGroup
    }

    /// A connection to `endpoint`, and whether it carried requests before (one that did may turn
    /// out to have been closed by the server meanwhile).
    func lease(_ endpoint: HTTPEndpoint, deadline: NIODeadline) async throws(TransportFailure) -> (HTTP1Connection, isReused: Bool) {
        let loop = eventLoopGroup.any()
        let grant = if let granted = grantOrQueue(endpoint, on: loop, or: nil) { granted } else {
            await waitForGrant(endpoint, on: loop, deadline: deadline)
        }
        switch grant {
        case .connection(let connection): return (connection, true)
        case .connect: return (try await connect(endpoint, on: loop, deadline: deadline), false)
        case .failed(let failure): throw failure
        }
    }

    /// Every connection is busy: waits in line until one is given back or closed (the state is
    /// checked again under the lock first), the deadline passes, or the caller is cancelled.
    private func waitForGrant(_ endpoint: HTTPEndpoint, on loop: any EventLoop, deadline: NIODeadline) async -> Grant {
        let waiter = Waiter()
        var waitTimer: Scheduled<Void>?
        let granted = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if let grant = grantOrQueue(endpoint, on: loop, or: (waiter, continuation)) { return continuation.resume(returning: grant) }
                waitTimer = loop.scheduleTask(deadline: deadline) {
                    self.withdraw(waiter, from: endpoint, granting: .failed(Self.timedOutWaiting))
                }
            }
        } onCancel: {
            withdraw(waiter, from: endpoint, granting: .failed(Self.cancelled))
        }
        waitTimer?.cancel()
        return granted
    }

    /// Takes back a connection whose exchange is over: kept for the next request when it can
    /// carry one, closed otherwise.
    func release(_ connection: HTTP1Connection, to endpoint: HTTPEndpoint, isReusable: Bool) {
        guard isReusable, connection.channel.isActive else { return connection.channel.close(promise: nil) }
        let waiting = withState(of: endpoint) { state -> Waiter? in
            if let waiter = state.waiters.popFirst() { return waiter }
            state.idle.append(IdleConnection(connection: connection, since: .now()))
            return nil
        }
        waiting?.resume(with: .connection(connection))
    }

    // MARK: - State

    private struct EndpointState {
        var idle: [IdleConnection] = []
        var open = 0
        var waiters = Waiters()
    }

    /// Runs `body` on `endpoint`'s state, under the lock, changing it in place.
    private func withState<Result>(of endpoint: HTTPEndpoint, _ body: (inout EndpointState) -> Result) -> Result {
        endpoints.withLockedValue { body(&$0[endpoint, default: EndpointState()]) }
    }

    private struct IdleConnection {
        let connection: HTTP1Connection
        let since: NIODeadline
    }

    private enum Grant: Sendable {
        case connection(HTTP1Connection)
        case connect
        case failed(TransportFailure)
    }

    /// An idle connection (preferably on `loop`), or leave to open one; else, with a `waiter`,
    /// queues it and answers `nil` (without one, just `nil`).
    private func grantOrQueue(_ endpoint: HTTPEndpoint, on loop: any EventLoop,
                              or waiter: (Waiter, CheckedContinuation<Grant, Never>)?) -> Grant? {
        let oldest = NIODeadline.now() - TimeAmount(idleTimeout)
        let (grant, stale) = withState(of: endpoint) { state -> (Grant?, [HTTP1Connection]) in
            var stale: [HTTP1Connection] = []
            // Idle connections are kept in the order they were given back: the stale ones first.
            while let first = state.idle.first, first.since < oldest { stale.append(state.idle.removeFirst().connection) }
            if let index = state.idle.lastIndex(where: { $0.connection.channel.eventLoop === loop }) ?? state.idle.indices.last {
                return (.connection(state.idle.remove(at: index).connection), stale)
            }
            if state.open < maximumConnectionsPerEndpoint {
                state.open += 1
                return (.connect, stale)
            }
            guard let (waiter, continuation) = waiter else { return (nil, stale) }
            if Task.isCancelled { return (.failed(Self.cancelled), stale) }
            waiter.continuation = continuation
            state.waiters.append(waiter)
            return (nil, stale)
        }
        // Stale connections leave the count when their channels have closed.
        for connection in stale { connection.channel.close(promise: nil) }
        return grant
    }

    private func withdraw(_ waiter: Waiter, from endpoint: HTTPEndpoint, granting grant: Grant) {
        let found = withState(of: endpoint) { $0.waiters.remove(waiter) }
        if found { waiter.resume(with: grant) }
    }

    /// Opens a connection counted as open already; it leaves the count when its channel closes.
    private func connect(_ endpoint: HTTPEndpoint, on loop: any EventLoop, deadline: NIODeadline) async throws(TransportFailure) -> HTTP1Connection {
        let connectDeadline = min(deadline, .now() + TimeAmount(connectTimeout))
        let tls: NIOSSLContext?
        let connection: HTTP1Connection
        do {
            tls = endpoint.usesTLS ? try tlsContextMade() : nil
            connection = try await ClientBootstrap(group: loop)
                .connectTimeout(connectDeadline - .now())
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connect(host: endpoint.host, port: endpoint.port) { channel in
                    channel.eventLoop.makeCompletedFuture { try HTTP1Connection(configuring: channel, for: endpoint, tls: tls) }
                }
        } catch {
            connectionClosed(to: endpoint)
            throw HTTP1Transport.connectFailure(error)
        }
        connection.channel.closeFuture.whenComplete { _ in self.connectionClosed(connection, to: endpoint) }
        let handshakeTimer = loop.scheduleTask(deadline: connectDeadline) { connection.channel.close(promise: nil) }
        do {
            try await connection.ready.get()
            handshakeTimer.cancel()
            // The timer may have closed it between the handshake and now: that is the deadline too.
            guard connection.channel.isActive else { throw ChannelError.ioOnClosedChannel }
        } catch {
            handshakeTimer.cancel()
            connection.channel.close(promise: nil)
            throw NIODeadline.now() >= connectDeadline
                ? TransportFailure(reason: "timed out connecting", requestMayHaveBeenSent: false, isTimeout: true)
                : HTTP1Transport.connectFailure(error)
        }
        return connection
    }

    private func tlsContextMade() throws -> NIOSSLContext {
        try tlsContext.withLockedValue { context in
            if let context { return context }
            let made = try NIOSSLContext(configuration: tlsConfiguration)
            context = made
            return made
        }
    }

    /// A connection closed (or one that was counted never opened): it leaves the count, and the
    /// first request waiting, if any, may open one instead.
    private func connectionClosed(_ connection: HTTP1Connection? = nil, to endpoint: HTTPEndpoint) {
        let waiting = withState(of: endpoint) { state -> Waiter? in
            if let connection { state.idle.removeAll { $0.connection === connection } }
            guard let waiter = state.waiters.popFirst() else {
                state.open -= 1
                return nil
            }
            return waiter
        }
        waiting?.resume(with: .connect)
    }

    private static let cancelled = TransportFailure(reason: "cancelled", requestMayHaveBeenSent: false, isTimeout: false)
    private static let timedOutWaiting = TransportFailure(reason: "timed out waiting for a free connection", requestMayHaveBeenSent: false,
                                                          isTimeout: true)

    /// A request waiting for a connection.
    private final class Waiter: @unchecked Sendable {
        /// Set once, under the pool's lock, before the waiter can be found; resumed once, by
        /// whoever removed it from the queue under that lock.
        var continuation: CheckedContinuation<Grant, Never>?

        func resume(with grant: Grant) { continuation?.resume(returning: grant) }
    }

    /// Waiters in order of arrival.
    private struct Waiters {
        private var queue: [Waiter] = []

        mutating func append(_ waiter: Waiter) { queue.append(waiter) }

        mutating func popFirst() -> Waiter? { queue.isEmpty ? nil : queue.removeFirst() }

        mutating func remove(_ waiter: Waiter) -> Bool {
            guard let index = queue.firstIndex(where: { $0 === waiter }) else { return false }
            queue.remove(at: index)
            return true
        }
    }
}
