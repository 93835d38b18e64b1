import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The production transport, on AsyncHTTPClient.
public struct AsyncHTTPClientTransport: TwilioHTTPTransport {
    /// The largest answer the transport reads (recordings can be large).
    public var maximumResponseBytes: Int
    private let httpClient: HTTPClient

    /// Uses `httpClient`, by default ``sharedClient`` (process-wide, no shutdown needed).
    public init(httpClient: HTTPClient = AsyncHTTPClientTransport.sharedClient, maximumResponseBytes: Int = 256 * 1024 * 1024) {
        self.httpClient = httpClient
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// The process-wide client of ``makeHTTPClient(maximumConnectionsPerHost:connectTimeout:)``'s defaults.
    public static let sharedClient = makeHTTPClient()

    /// A client for Twilio's APIs: up to `maximumConnectionsPerHost` connections to each host (as
    /// many requests in flight at once; AsyncHTTPClient's default is 8), and a failed connection
    /// reported after `connectTimeout` at most — never retried by the pool until the request's
    /// deadline, so that the retry policy (which knows nothing was sent) decides. Shut it down
    /// when done unless it lives as long as the process.
    public static func makeHTTPClient(maximumConnectionsPerHost: Int = 64, connectTimeout: Duration = .seconds(5)) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = TimeAmount(connectTimeout)
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = maximumConnectionsPerHost
        configuration.connectionPool.retryConnectionEstablishment = false
        // The connector installs no tracer: without this, every request would still build a span's
        // attributes (its URL parsed again) for the no-op one.
        configuration.tracing.tracer = nil
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// The event loop this thread runs, if it is one of the client's (a request's answer is then
    /// read on the loop that asked), or else the client's next.
    public var preferredTaskExecutor: (any TimerTaskExecutor)? { EventLoopTaskExecutor(httpClient.eventLoopGroup.any()) }

    public func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let deadline = NIODeadline.now() + TimeAmount(timeout)
            let response = try await httpClient.execute(outgoing, deadline: deadline)
            let body = try await response.body.collect(upTo: maximumResponseBytes)
            return TwilioHTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: Array(body.readableBytesView)
            )
        } catch {
            throw Self.failure(for: error)
        }
    }

    /// Classifies an AsyncHTTPClient or NIO error: only failures to connect are known not to have
    /// sent anything.
    static func failure(for error: any Error) -> TransportFailure {
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .connectTimeout:
                return TransportFailure(reason: "timed out connecting", requestMayHaveBeenSent: false, isTimeout: true)
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return TransportFailure(reason: "timed out waiting for the answer", requestMayHaveBeenSent: true, isTimeout: true)
            case .invalidURL, .emptyHost, .emptyScheme:
                return TransportFailure(reason: "invalid URL", requestMayHaveBeenSent: false, isTimeout: false)
            default:
                return TransportFailure(reason: "connection failed (\(clientError))", requestMayHaveBeenSent: true, isTimeout: false)
            }
        }
        if error is NIOConnectionError {
            return TransportFailure(reason: "could not connect", requestMayHaveBeenSent: false, isTimeout: false)
        }
        if let ioError = error as? IOError, [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH].contains(ioError.errnoCode) {
            return TransportFailure(reason: "could not connect (\(ioError.description))", requestMayHaveBeenSent: false, isTimeout: false)
        }
        if case ChannelError.connectTimeout = error {
            return TransportFailure(reason: "timed out connecting", requestMayHaveBeenSent: false, isTimeout: true)
        }
        return TransportFailure(reason: "connection failed (\(String(describing: type(of: error))))", requestMayHaveBeenSent: true, isTimeout: false)
    }
}
