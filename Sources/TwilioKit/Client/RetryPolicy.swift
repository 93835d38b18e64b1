/// When and how long to wait before trying a request again.
///
/// Twilio's rate limit (HTTP 429, code 20429) and "service unavailable" (503) are retried for every
/// method, because Twilio did not act on the request. Idempotent requests (GET, DELETE) are also
/// retried on other 5xx answers and on connection failures and timeouts. A POST that may have
/// reached Twilio is never retried: it could create a second message or call.
public struct RetryPolicy: Sendable, Equatable {
    /// The most attempts in all, the first included (1 disables retries).
    public var maximumAttempts: Int
    /// The first backoff delay; each retry doubles it.
    public var baseDelay: Duration
    /// The longest backoff delay.
    public var maximumDelay: Duration
    /// The longest time all attempts and waits together may take; no retry starts after it.
    public var deadline: Duration
    /// The longest `Retry-After` honoured; a longer one ends the retries.
    public var maximumRetryAfter: Duration

    /// Creates a policy.
    public init(
        maximumAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(8),
        deadline: Duration = .seconds(60),
        maximumRetryAfter: Duration = .seconds(30)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.deadline = deadline
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// Four attempts, 0.5 s doubling to 8 s, within one minute.
    public static let `default` = RetryPolicy()
    /// A single attempt.
    public static let never = RetryPolicy(maximumAttempts: 1)

    /// Whether an answer with `status` to a `method` request may be retried.
    public func shouldRetry(status: Int, method: HTTPMethod) -> Bool {
        switch status {
        case 429, 503: true
        case 500, 502, 504: method.isIdempotent
        default: false
        }
    }

    /// Whether a request that got no answer may be retried.
    public func shouldRetry(_ failure: TransportFailure, method: HTTPMethod) -> Bool {
        method.isIdempotent || !failure.requestMayHaveBeenSent
    }

    /// The wait before attempt `attempt + 1` (`attempt` counts from 1): `Retry-After` when Twilio
    /// sent one, otherwise exponential backoff with "equal jitter" (half fixed, half random).
    /// - Returns: `nil` when the server asks for a longer wait than ``maximumRetryAfter``.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?, randomUnit: Double = Double.random(in: 0...1)) -> Duration? {
        if let retryAfter {
            return retryAfter <= maximumRetryAfter ? retryAfter : nil
        }
        let exponent = min(max(attempt - 1, 0), 30)
        let backoff = min(baseDelay * (1 << exponent), maximumDelay)
        return backoff / 2 + (backoff / 2) * randomUnit
    }
}
