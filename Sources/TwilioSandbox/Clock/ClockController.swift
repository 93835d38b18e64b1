import Foundation
import Hummingbird
import TwilioKit

/// `/sandbox/clock`: the sandbox's time, and letting it pass (`POST` with `Advance`, e.g. `25h`).
struct ClockController {
    let clock: SandboxClock

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("clock", use: show)
        group.post("clock", use: advance)
    }

    /// The sandbox's time and how far it is ahead of the wall clock.
    @Sendable func show(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        return SandboxResponse.json(json)
    }

    /// Form or JSON `Advance`: a duration such as `25h`, `1d`, `90m` or `3600` (seconds).
    @Sendable func advance(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let form = try await request.flexibleForm()
        let raw = try form.required("Advance")
        guard let duration = ClockDuration(raw) else {
            throw SandboxError.invalidParameter("Advance", raw, rule: "must be a duration such as 25h, 1d2h, 90m, 45s or 3600 (seconds), never negative")
        }
        clock.advance(by: duration)
        return SandboxResponse.json(json)
    }

    /// `{"now": "…", "offset_seconds": …}`.
    private var json: SandboxJSON {
        .object([("now", .string(TwilioDateFormat.iso8601String(from: clock.now))),
                 ("offset_seconds", .int(Int(clock.offsetSeconds)))])
    }
}
