import Hummingbird
import TwilioKit

/// `/sandbox/faults`: the faults injected into the API (a share of 429s, 500s or 503s, latency,
/// dropped connections), listed, added and cleared.
struct FaultsController {
    let faults: FaultInjector

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("faults", use: list)
        group.post("faults", use: add)
        group.delete("faults", use: clear)
    }

    /// The active rules, and how many faults they injected.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        return SandboxResponse.json(.object([("faults", .array(await faults.activeRules.map(\.json))),
                                             ("injected", .int(await faults.injectedCount))]))
    }

    /// Adds a fault: `Kind` (429, 500, 503, drop, drop-response, latency), `PathContains`, `Method`,
    /// `Rate` (0…1) or `Count`, `LatencyMs`, `RetryAfter` (seconds).
    @Sendable func add(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let form = try await request.flexibleForm()
        guard let kind = FaultRule.Kind(rawValue: try form.required("Kind")) else {
            throw SandboxError.invalidParameter("Kind", form.first("Kind") ?? "",
                                                rule: "must be one of \(FaultRule.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let rate = try form.first("Rate").map { raw throws(SandboxError) -> Double in
            guard let rate = Double(raw), (0...1).contains(rate) else { throw .invalidParameter("Rate", raw, rule: "must be a number from 0 to 1") }
            return rate
        } ?? 1
        let rule = FaultRule(
            kind: kind, method: form.first("Method")?.uppercased(), pathContains: form.first("PathContains") ?? "/",
            rate: rate, remaining: try form.int("Count", in: 1...1_000_000),
            latency: .milliseconds(try form.int("LatencyMs", in: 0...60_000) ?? 0),
            retryAfterSeconds: try form.int("RetryAfter", in: 0...3600) ?? 1)
        await faults.add(rule)
        return SandboxResponse.json(rule.json, status: .created)
    }

    /// Removes every rule.
    @Sendable func clear(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        await faults.clear()
        return SandboxResponse.noContent
    }
}
