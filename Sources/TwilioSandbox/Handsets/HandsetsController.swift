import Hummingbird
import TwilioKit

/// `POST /sandbox/handsets/{Number}`: sets how a simulated handset behaves.
struct HandsetsController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("handsets/{Number}", use: configure)
    }

    /// Form or JSON `Outcome` (delivered, unreachable, filtered) for the messages it gets, and
    /// `Digits` and `Speech` it answers its next `<Gather>`s with (repeatable).
    @Sendable func configure(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let handset = try context.parameters.require("Number")
        let form = try await request.flexibleForm()
        if let raw = try form.oneOf("Outcome", HandsetDirectory.Outcome.allCases.map(\.rawValue)),
           let outcome = HandsetDirectory.Outcome(rawValue: raw) {
            await world.handsets.setOutcome(outcome, for: handset)
        }
        await world.handsets.queue(form.values("Digits"), .digits, for: handset)
        await world.handsets.queue(form.values("Speech"), .speech, for: handset)
        return SandboxResponse.json(.object([("handset", .string(handset)),
                                             ("outcome", .string(await world.handsets.outcome(for: handset).rawValue))]))
    }
}
