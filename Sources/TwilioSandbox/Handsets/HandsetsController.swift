import Hummingbird
import TwilioKit

/// `POST /sandbox/handsets/{Number}`: sets how a simulated handset behaves.
struct HandsetsController {
    let handsets: HandsetDirectory

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("handsets/{Number}", use: configure)
    }

    /// Form or JSON `Outcome` (delivered, unreachable, filtered) for the messages it gets, and
    /// `Digits` and `Speech` it answers its next `<Gather>`s with (repeatable).
    @Sendable func configure(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let handset = try context.parameters.require("Number")
        let form = try await request.flexibleForm()
        if let outcome = try form.oneOf("Outcome", HandsetDirectory.Outcome.allCases) {
            await handsets.setOutcome(outcome, for: handset)
        }
        await handsets.queue(form.values("Digits"), .digits, for: handset)
        await handsets.queue(form.values("Speech"), .speech, for: handset)
        return SandboxResponse.json(.object([("handset", .string(handset)),
                                             ("outcome", .string(await handsets.outcome(for: handset).rawValue))]))
    }
}
