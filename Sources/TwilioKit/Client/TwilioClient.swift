import Foundation
import Logging

/// The Twilio REST client: sends typed requests, retries what is safe to retry, pages through
/// lists and turns every failure into a ``TwilioError``.
///
/// ```swift
/// let client = TwilioClient(configuration: .init(credentials: .authToken(accountSID: sid, authToken: token)))
/// let message = try await client.messages.create(.init(to: "+14155550100", from: "+14155550199", body: "Hi"))
/// ```
public struct TwilioClient: Sendable {
    /// Credentials, endpoint, timeout and retry policy.
    public private(set) var configuration: TwilioConfiguration {
        didSet { commonHeaders = Self.commonHeaders(for: configuration) }
    }
    /// The headers of every request (the `Authorization` header worked out once, not per request).
    private var commonHeaders: [(name: String, value: String)]
    let transport: any TwilioHTTPTransport
    private(set) var logger: Logger
    private let elapsed: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) async throws -> Void

    /// Creates a client.
    /// - Parameters:
    ///   - transport: How HTTP requests are sent; `HTTP1Transport` on the shared connection pool by default.
    ///   - clock: The clock retries wait on and measure their deadline with.
    ///   - logger: Receives one debug line per attempt (method, path, status; never credentials).
    public init<C: Clock<Duration>>(
        configuration: TwilioConfiguration,
        transport: any TwilioHTTPTransport = HTTP1Transport(),
        clock: C = ContinuousClock(),
        logger: Logger = Logger(label: "TwilioKit")
    ) {
        self.configuration = configuration
        commonHeaders = Self.commonHeaders(for: configuration)
        self.transport = transport
        self.logger = logger
        let origin = clock.now
        self.elapsed = { origin.duration(to: clock.now) }
        self.sleep = { try await clock.sleep(for: $0) }
    }

    /// Where tasks that mostly wait on this client's answers run, and sleep, best (see
    /// ``TwilioHTTPTransport/preferredTaskExecutor``); `nil`: anywhere.
    public var preferredTaskExecutor: (any TimerTaskExecutor)? { transport.preferredTaskExecutor }

    /// A client configured from the environment (see ``TwilioConfiguration/fromEnvironment(_:)``),
    /// or `nil` when no Twilio credentials are set.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(TwilioConfigurationError) -> TwilioClient? {
        try TwilioConfiguration.fromEnvironment(environment).map { TwilioClient(configuration: $0) }
    }

    /// The Account SID the client acts on.
    public var accountSID: String { configuration.credentials.accountSID }

    /// The same client with another per-attempt timeout, for one call or a group of calls.
    public func withLogger(_ logger: Logger) -> TwilioClient {
        var copy = self
        copy.logger = logger
        return copy
    }

    /// The same client with another timeout.
    public func withTimeout(_ timeout: Duration) -> TwilioClient {
        var copy = self
        copy.configuration.timeout = timeout
        return copy
    }

    /// The same client with another retry policy.
    public func withRetryPolicy(_ policy: RetryPolicy) -> TwilioClient {
        var copy = self
        copy.configuration.retryPolicy = policy
        return copy
    }
}

extension TwilioClient {
    /// Sends `request` and decodes a 2xx answer as `Response`.
    public func send<Response: Decodable>(_ request: TwilioRequest, as type: Response.Type = Response.self) async throws(TwilioError) -> Response {
        let response = try await send(request)
        return try decode(Response.self, from: response, for: request)
    }

    /// Sends `request`, retrying per the policy, and returns its 2xx answer.
    @discardableResult
    public func send(_ request: TwilioRequest) async throws(TwilioError) -> TwilioHTTPResponse {
        try await send(httpRequest(for: request), method: request.method, domain: request.domain)
    }

    /// Fetches one page of a list.
    public func page<Item>(_ request: TwilioRequest, of type: Item.Type = Item.self) async throws(TwilioError) -> TwilioPage<Item> {
        let envelope: PageEnvelope<Item> = try await send(request)
        return envelope.page(origin: configuration.endpoint.origin(of: request.domain))
    }

    /// Fetches the page after `page`, or `nil` when `page` is the last one.
    public func page<Item>(after page: TwilioPage<Item>, domain: TwilioDomain) async throws(TwilioError) -> TwilioPage<Item>? {
        guard let next = page.nextPageURL else { return nil }
        let request = TwilioHTTPRequest(method: .get, url: next, headers: commonHeaders)
        let response = try await send(request, method: .get, domain: domain)
        let envelope = try decode(PageEnvelope<Item>.self, from: response, method: .get, url: next)
        return envelope.page(origin: configuration.endpoint.origin(of: domain))
    }

    /// Every item of a list, fetched page by page as the sequence is iterated, up to `limit`.
    /// Without an explicit `PageSize`, pages hold `limit` items (at most 1000), as the SDKs do.
    public func list<Item>(_ request: TwilioRequest, limit: Int? = nil, of type: Item.Type = Item.self) -> TwilioList<Item> {
        var request = request
        if let limit, request.query.values("PageSize").isEmpty {
            request.query.add("PageSize", min(max(limit, 1), 1000))
        }
        return TwilioList(client: self, firstPage: request, limit: limit)
    }

    private static func commonHeaders(for configuration: TwilioConfiguration) -> [(name: String, value: String)] {
        [
            (name: "Authorization", value: configuration.credentials.basicAuthorizationHeader),
            (name: "User-Agent", value: configuration.userAgent),
            (name: "Accept", value: "application/json"),
        ]
    }

    func httpRequest(for request: TwilioRequest) -> TwilioHTTPRequest {
        var url = configuration.endpoint.origin(of: request.domain) + request.path
        if !request.query.isEmpty { url += "?" + request.query.encoded }
        var headers = commonHeaders
        var body: [UInt8]?
        if let form = request.form {
            headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded"))
            body = form.encodedBytes
        }
        return TwilioHTTPRequest(method: request.method, url: url, headers: headers, body: body)
    }

    private func send(_ request: TwilioHTTPRequest, method: HTTPMethod, domain: TwilioDomain) async throws(TwilioError) -> TwilioHTTPResponse {
        let policy = configuration.retryPolicy
        let start = elapsed()
        // Only logs and errors name the path: not worked out for a request that succeeds.
        func path() -> String { Self.pathWithoutQuery(request.url) }
        var attempt = 0
        while true {
            attempt += 1
            var error: TwilioError
            var retryable: Bool
            var retryAfter: Duration?
            do {
                let response = try await transport.execute(request, timeout: configuration.timeout)
                logger.debug("twilio request", metadata: ["method": "\(method.rawValue)", "path": "\(path())", "status": "\(response.status)", "attempt": "\(attempt)"])
                if (200..<300).contains(response.status) {
                    TwilioClientMetrics.record(domain: domain, status: response.status, attempts: attempt, duration: elapsed() - start)
                    return response
                }
                error = Self.error(for: response, method: method, path: path())
                retryable = policy.shouldRetry(status: response.status, method: method)
                retryAfter = Self.retryAfter(response)
            } catch let failure {
                logger.debug("twilio request got no answer", metadata: ["method": "\(method.rawValue)", "path": "\(path())", "reason": "\(failure.reason)", "attempt": "\(attempt)"])
                error = TwilioError(kind: .noAnswer, message: failure.reason, method: method, path: path(),
                                    requestMayHaveBeenSent: failure.requestMayHaveBeenSent)
                retryable = policy.shouldRetry(failure, method: method)
            }
            error.attempts = attempt
            guard retryable, attempt < policy.maximumAttempts,
                  let delay = policy.delay(afterAttempt: attempt, retryAfter: retryAfter),
                  elapsed() - start + delay < policy.deadline else {
                TwilioClientMetrics.record(domain: domain, status: error.httpStatus, attempts: attempt,
                                           duration: elapsed() - start)
                throw error
            }
            logger.debug("twilio request retrying", metadata: ["path": "\(path())", "delay": "\(delay)"])
            do { try await sleep(delay) } catch _ { throw error }
        }
    }

    func decode<Response: Decodable>(_ type: Response.Type, from response: TwilioHTTPResponse, for request: TwilioRequest) throws(TwilioError) -> Response {
        try decode(type, from: response, method: request.method, url: configuration.endpoint.origin(of: request.domain) + request.path)
    }

    /// `url` is only read when the answer does not decode.
    private func decode<Response: Decodable>(_ type: Response.Type, from response: TwilioHTTPResponse, method: HTTPMethod,
                                             url: @autoclosure () -> String) throws(TwilioError) -> Response {
        do {
            return try TwilioJSON.decoder.decode(Response.self, from: response.body)
        } catch {
            throw TwilioError(kind: .undecodable, httpStatus: response.status, message: Self.describe(error),
                              method: method, path: Self.pathWithoutQuery(url()))
        }
    }

    static func error(for response: TwilioHTTPResponse, method: HTTPMethod, path: String) -> TwilioError {
        let body = try? TwilioJSON.decoder.decode(TwilioErrorBody.self, from: response.body)
        let fallback = HTTPStatusText.reason(response.status)
        return TwilioError(kind: response.status >= 500 ? .failed : .refused, httpStatus: response.status,
                           code: body?.code, message: body?.message ?? fallback, moreInfo: body?.moreInfo,
                           method: method, path: path)
    }

    /// `Retry-After` as seconds or as an HTTP date.
    static func retryAfter(_ response: TwilioHTTPResponse) -> Duration? {
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
        guard let date = TwilioDateFormat.rfc2822Date(from: value) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSinceNow) * 1000))
    }

    static func pathWithoutQuery(_ url: String) -> String {
        url.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(url[..<$0]) } ?? url
    }

    private static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        func location(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch decodingError {
        case .typeMismatch(let type, let context): return "expected \(type) at \(location(context.codingPath)): \(context.debugDescription)"
        case .valueNotFound(let type, let context): return "missing \(type) value at \(location(context.codingPath))"
        case .keyNotFound(let key, let context): return "missing key '\(key.stringValue)' at \(location(context.codingPath))"
        case .dataCorrupted(let context): return "invalid data at \(location(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(decodingError)"
        }
    }
}
