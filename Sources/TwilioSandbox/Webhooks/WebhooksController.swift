import Hummingbird

/// `GET /sandbox/webhooks`: every webhook the sandbox posted for the caller's account (forms to
/// numbers' and calls' URLs, CloudEvents to Event Streams sinks), in order, with what came back.
struct WebhooksController {
    let log: WebhookLog

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("webhooks", use: list)
    }

    /// The account's webhooks, in the order they were posted.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let deliveries = await log.deliveries(of: account)
        return SandboxResponse.json(.object([("webhooks", .array(deliveries.map(\.json)))]))
    }
}
