import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// The production transport: HTTP/1.1 on SwiftNIO, over keep-alive connections pooled by
/// endpoint (``HTTP1ConnectionPool``), with TLS for `https`. A request is written in one flush
/// and its answer gathered on the connection's event loop; a request asked for from one of the
/// pool's event loops runs on a connection of that loop when one is idle, with no hop between
/// threads.
public struct HTTP1Transport: TwilioHTTPTransport {
    /// The connections requests go out on.
    public let pool: HTTP1ConnectionPool
    /// The largest answer the transport reads (recordings can be large).
    public var maximumResponseBytes: Int

    /// Uses `pool`, by default the process-wide ``HTTP1ConnectionPool/shared``.
    public init(pool: HTTP1ConnectionPool = .shared, maximumResponseBytes: Int = 256 * 1024 * 1024) {
        self.pool = pool
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// The event loop this thread runs, if it is one of the pool's, or else the pool's next.
    public var preferredTaskExecutor: (any TimerTaskExecutor)? { EventLoopTaskExecutor(pool.eventLoopGroup.any()) }

    /// Sends `request`; a GET answered with a redirect (301, 302, 303, 307 or 308 with a
    /// `Location`, as Twilio answers for media stored elsewhere) is followed, up to
    /// ``maximumRedirects`` times, within the same `timeout`, its `Authorization` kept only while
    /// the scheme, host and port stay the same. Other methods' redirects are returned as they are.
    public func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        guard var target = HTTPTarget(url: request.url) else {
            throw TransportFailure(reason: "invalid URL", requestMayHaveBeenSent: false, isTimeout: false)
        }
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        var request = request
        var redirects = 0
        while true {
            let response = try await send(request, to: target, deadline: deadline)
            guard request.method == .get, redirects < Self.maximumRedirects, let next = Self.redirect(of: request, to: target, by: response)
            else { return response }
            (request, target) = next
            redirects += 1
        }
    }

    /// How many redirects a GET follows.
    public static let maximumRedirects = 5

    private func send(_ request: TwilioHTTPRequest, to target: HTTPTarget, deadline: NIODeadline) async throws(TransportFailure) -> TwilioHTTPResponse {
        guard let bytes = target.requestBytes(method: request.method, headers: request.headers, body: request.body) else {
            throw TransportFailure(reason: "invalid request: a header field's name or value holds a byte HTTP does not allow",
                                   requestMayHaveBeenSent: false, isTimeout: false)
        }
        let exchange = HTTP1ExchangeHandler.Request(bytes: bytes, deadline: deadline, maximumAnswerBytes: maximumResponseBytes)
        while true {
            let (connection, isReused) = try await pool.lease(target.endpoint, deadline: deadline)
            do {
                let answer = connection.exchange(exchange)
                let outcome = try await withTaskCancellationHandler {
                    try await answer.get()
                } onCancel: {
                    connection.cancel(answer)
                }
                pool.release(connection, to: target.endpoint, isReusable: outcome.isReusable)
                return outcome.response
            } catch HTTP1ExchangeError.closedBeforeSending where isReused {
                // The server closed the idle connection before the request was written: take another.
                continue
            } catch {
                throw Self.exchangeFailure(error)
            }
        }
    }

    /// The request a redirect asks for, and where it goes: `Location` resolved against the URL
    /// that answered, and no `Authorization` once it leaves that URL's scheme, host and port.
    private static func redirect(of request: TwilioHTTPRequest, to target: HTTPTarget, by response: TwilioHTTPResponse)
        -> (TwilioHTTPRequest, HTTPTarget)? {
        guard [301, 302, 303, 307, 308].contains(response.status), let location = response.header("Location"),
              let url = URL(string: location, relativeTo: URL(string: request.url))?.absoluteString,
              let next = HTTPTarget(url: url) else { return nil }
        var redirected = TwilioHTTPRequest(method: .get, url: url, headers: request.headers)
        if next.endpoint != target.endpoint {
            redirected.headers.removeAll { $0.name.equalsIgnoringASCIICase("Authorization") }
        }
        redirected.headers.removeAll { $0.name.equalsIgnoringASCIICase("Host") }
        return (redirected, next)
    }

    /// Classifies a failed exchange: only a request never written is known not to have been sent.
    private static func exchangeFailure(_ error: any Error) -> TransportFailure {
        switch error as? HTTP1ExchangeError {
        case .closedBeforeSending:
            return TransportFailure(reason: "the connection closed before the request was sent", requestMayHaveBeenSent: false, isTimeout: false)
        case .timedOut:
            return TransportFailure(reason: "timed out waiting for the answer", requestMayHaveBeenSent: true, isTimeout: true)
        case .answerTooLarge(let limit):
            return TransportFailure(reason: "the answer is longer than \(limit) bytes", requestMayHaveBeenSent: true, isTimeout: false)
        case .cancelled:
            return TransportFailure(reason: "cancelled", requestMayHaveBeenSent: true, isTimeout: false)
        case .malformedAnswer(let problem):
            return TransportFailure(reason: "the answer is not valid HTTP/1.1: \(problem)", requestMayHaveBeenSent: true, isTimeout: false)
        case .connectionLost(let cause):
            return TransportFailure(reason: "connection failed (\(Self.describe(cause)))", requestMayHaveBeenSent: true, isTimeout: false)
        case nil:
            return TransportFailure(reason: "connection failed (\(Self.describe(error)))", requestMayHaveBeenSent: true, isTimeout: false)
        }
    }

    /// Classifies a failure to establish a connection: nothing was sent.
    static func connectFailure(_ error: any Error) -> TransportFailure {
        if case ChannelError.connectTimeout = error {
            return TransportFailure(reason: "timed out connecting", requestMayHaveBeenSent: false, isTimeout: true)
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return TransportFailure(reason: "TLS handshake failed (\(error))", requestMayHaveBeenSent: false, isTimeout: false)
        }
        return TransportFailure(reason: "could not connect (\(describe(error)))", requestMayHaveBeenSent: false, isTimeout: false)
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return describe(first.error) }
            if let dnsError = error.dnsAError ?? error.dnsAAAAError { return "\(error.host) not found: \(dnsError)" }
        }
        if let error = error as? IOError { return error.description }
        if let error = error as? ChannelError { return "\(error)" }
        return String(describing: type(of: error))
    }
}
