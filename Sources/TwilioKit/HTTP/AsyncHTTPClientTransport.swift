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

    /// Uses `httpClient`, by default the process-wide shared client (no shutdown needed).
    public init(httpClient: HTTPClient = .shared, maximumResponseBytes: Int = 256 * 1024 * 1024) {
        self.httpClient = httpClient
        self.maximumResponseBytes = maximumResponseBytes
    }

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
