/// One fault rule of ``FaultInjector``: requests whose method and path match get the fault with
/// probability `rate`, or the first `count` of them when `count` is set.
struct FaultRule: Sendable {
    /// The fault: an error status, added latency, or a dropped connection.
    enum Kind: String, Sendable, CaseIterable {
        case rateLimit = "429", serverError = "500", unavailable = "503", latency
        /// Closes the connection before the request is handled.
        case drop
        /// Handles the request, then closes the connection instead of answering: the request
        /// took effect but the client cannot know.
        case dropResponse = "drop-response"
    }
    let kind: Kind
    /// The method it applies to; every method when `nil`.
    let method: String?
    /// What the request's path must contain.
    let pathContains: String
    /// The share of matching requests that get the fault (0…1).
    let rate: Double
    /// How many more requests get it, when counted instead of drawn.
    var remaining: Int?
    /// The latency a `latency` rule adds.
    let latency: Duration
    /// The `Retry-After` of a 429 or 503.
    let retryAfterSeconds: Int

    /// The rule as the inspection API shows it.
    var json: SandboxJSON {
        .object([
            ("kind", .string(kind.rawValue)), ("method", .optional(method)), ("path_contains", .string(pathContains)),
            ("rate", .number(String(rate))), ("remaining", .optional(remaining)),
            ("latency_ms", .int(Int(latency.components.seconds * 1000 + latency.components.attoseconds / 1_000_000_000_000_000))),
            ("retry_after", .int(retryAfterSeconds)),
        ])
    }

    /// Whether the rule applies to a request with `method` to `path`.
    func matches(method: String, path: String) -> Bool {
        (self.method.map { $0.uppercased() == method } ?? true) && path.contains(pathContains)
    }
}
