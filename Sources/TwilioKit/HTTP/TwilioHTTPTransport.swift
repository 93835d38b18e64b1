import Foundation

/// One HTTP exchange as the client sees it: independent of any HTTP library, so tests can record
/// and script requests, and other clients can be plugged in.
public protocol TwilioHTTPTransport: Sendable {
    /// Sends `request` and returns the complete answer, whatever its status.
    /// - Throws: ``TransportFailure`` when no answer came back.
    func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse

    /// Where tasks that mostly wait on this transport run best: for one on NIO, one of its event
    /// loops, so that an answer resumes its task with no hop between threads. `nil` (the
    /// default): anywhere.
    var preferredTaskExecutor: (any TimerTaskExecutor)? { get }
}

extension TwilioHTTPTransport {
    public var preferredTaskExecutor: (any TimerTaskExecutor)? { nil }
}

/// A task executor that also keeps timers: a task running on it sleeps on it, waking no other
/// thread.
public protocol TimerTaskExecutor: TaskExecutor {
    /// Suspends the calling task until `deadline`.
    /// - Throws: `CancellationError` when the task is cancelled first.
    func sleep(until deadline: ContinuousClock.Instant) async throws
}

/// An HTTP request ready to send.
public struct TwilioHTTPRequest: Sendable, Equatable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL, query string included.
    public var url: String
    /// Header fields in order; names compared case-insensitively.
    public var headers: [(name: String, value: String)]
    /// The body, for form posts.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: HTTPMethod, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of the header called `name`.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name):\($0.value)" } == rhs.headers.map { "\($0.name):\($0.value)" }
    }
}

/// A complete HTTP answer.
public struct TwilioHTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields in order.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of the header called `name`.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }
}

/// Why a transport got no answer.
public struct TransportFailure: Error, Sendable, Equatable {
    /// What went wrong, in words (never containing credentials).
    public var reason: String
    /// Whether the request may have reached the server: `false` only when the failure happened
    /// before a byte was sent (no connection could be made).
    public var requestMayHaveBeenSent: Bool
    /// Whether the failure was a timeout rather than a broken or refused connection.
    public var isTimeout: Bool

    /// Creates a failure.
    public init(reason: String, requestMayHaveBeenSent: Bool, isTimeout: Bool) {
        self.reason = reason
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
        self.isTimeout = isTimeout
    }
}
