import HTTPTypes

/// Faults switched on per endpoint through the inspection API: a share of 429s, 500s or 503s,
/// added latency, dropped connections. Draws come from a seeded generator, so a run repeats.
actor FaultInjector {
    /// What to do with one request.
    enum Decision: Sendable {
        case pass
        case fail(SandboxError)
        case drop
        case dropResponse
    }

    private var rules: [FaultRule] = []
    private var generator: SeededGenerator
    private(set) var injectedCount = 0

    /// An injector with no rules, drawing from a generator seeded with `seed`.
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// Adds `rule` after the others.
    func add(_ rule: FaultRule) { rules.append(rule) }
    /// Removes every rule.
    func clear() { rules.removeAll() }
    /// The rules, in the order they were added.
    var activeRules: [FaultRule] { rules }

    /// Decides the fate of a request, and the latency to add before it.
    func decide(method: String, path: String) -> (latency: Duration, decision: Decision) {
        var latency = Duration.zero
        for index in rules.indices where rules[index].matches(method: method, path: path) {
            if rules[index].remaining == 0 { continue }
            let fires = rules[index].remaining != nil || Double(generator.next() % 1_000_000) / 1_000_000 < rules[index].rate
            guard fires else { continue }
            if let remaining = rules[index].remaining { rules[index].remaining = remaining - 1 }
            let rule = rules[index]
            switch rule.kind {
            case .latency:
                latency += rule.latency
            case .drop:
                injectedCount += 1
                return (latency, .drop)
            case .dropResponse:
                injectedCount += 1
                return (latency, .dropResponse)
            case .rateLimit:
                injectedCount += 1
                return (latency, .fail(SandboxError(.tooManyRequests, code: 20429, "Too Many Requests",
                                                    headers: [.retryAfter: String(rule.retryAfterSeconds)])))
            case .serverError:
                injectedCount += 1
                return (latency, .fail(SandboxError(.internalServerError, code: 20500, "An internal server error has occurred")))
            case .unavailable:
                injectedCount += 1
                return (latency, .fail(SandboxError(.serviceUnavailable, code: 20503, "Service Unavailable",
                                                    headers: [.retryAfter: String(rule.retryAfterSeconds)])))
            }
        }
        return (latency, .pass)
    }
}
