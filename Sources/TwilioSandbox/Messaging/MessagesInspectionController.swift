import Hummingbird
import TwilioKit

/// `/sandbox/messages` and `/sandbox/handsets/{Number}/messages`: what the sandbox delivered to
/// the account's handsets, and handsets texting the account's numbers. Scoped to the caller's
/// account.
struct MessagesInspectionController {
    let messaging: MessagingFacade

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("messages", use: messages)
        group.get("handsets/{Number}/messages", use: handsetMessages)
        group.post("handsets/{Number}/messages", use: handsetSends)
    }

    /// Every message of the account, newest first.
    @Sendable func messages(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let all = await messaging.list(accountSID: try context.account)
        return SandboxResponse.json(.object([("messages", .array(all.map(\.json)))]))
    }

    /// The handset's conversation with the account, oldest first.
    @Sendable func handsetMessages(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let number = try context.parameters.require("Number")
        let conversation = await messaging.conversation(of: number, accountSID: account)
        return SandboxResponse.json(.object([("handset", .string(number)), ("messages", .array(conversation.map(\.json)))]))
    }

    /// The handset texts a sandbox number: form or JSON `To`, `Body`, `MediaUrl`, `ProfileName`.
    @Sendable func handsetSends(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let handset = try context.parameters.require("Number")
        let form = try await request.flexibleForm()
        let result = try await messaging.receive(
            from: handset, to: try form.required("To"), body: form.first("Body") ?? "",
            mediaURLs: form.values("MediaUrl"), profileName: form.first("ProfileName"))
        return SandboxResponse.json(.object([
            ("message", result.message.json),
            ("webhook", result.webhook?.json ?? .null),
            ("replies", .array(result.replies.map(\.json))),
        ]), status: .created)
    }
}
