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

    /// Runs the request through AsyncHTTPClient's delegate API, the answer gathered by its
    /// `ResponseAccumulator` on the connection's event loop. Its `async` API costs more for each
    /// request: an unstructured task and an actor hop to register the request for cancellation,
    /// and the answer's body handed over as an asynchronous sequence.
    public func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        do {
            let outgoing = try HTTPClient.Request(
                url: request.url,
                method: NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue),
                headers: HTTPHeaders(request.headers.map { ($0.name, $0.value) }),
                body: request.body.map { .bytes($0) }
            )
            let task = httpClient.execute(request: outgoing, delegate: ResponseAccumulator(request: outgoing, maxBodySize: maximumResponseBytes),
                                          deadline: NIODeadline.now() + TimeAmount(timeout))
            let response = try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
            return TwilioHTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: response.body.map { Array($0.readableBytesView) } ?? []
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
