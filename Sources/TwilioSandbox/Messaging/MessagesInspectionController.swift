import Hummingbird
import TwilioKit

/// `/sandbox/messages` and `/sandbox/handsets/{Number}/messages`: what the sandbox delivered to
/// the account's handsets, handsets texting the account's numbers, and WhatsApp users reading
/// what they were sent (`/sandbox/handsets/{Number}/read`). Scoped to the caller's account.
struct MessagesInspectionController {
    let messaging: MessagingFacade

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("messages", use: messages)
        group.get("handsets/{Number}/messages", use: handsetMessages)
        group.post("handsets/{Number}/messages", use: handsetSends)
        group.post("handsets/{Number}/read", use: handsetReads)
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

    /// The handset texts a sandbox number: form or JSON `To`, `Body`, `MediaUrl`, and from a
    /// `whatsapp:` handset `ProfileName`, `ButtonText`/`ButtonPayload` (a quick-reply tap; the body
    /// defaults to the button's text), `Latitude`/`Longitude`/`Address`/`Label` (a shared
    /// location), `OriginalRepliedMessageSid`, `Forwarded`, `FrequentlyForwarded`.
    @Sendable func handsetSends(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let handset = try context.parameters.require("Number")
        let form = try await request.flexibleForm()
        let result = try await messaging.receive(
            from: handset, to: try form.required("To"), body: form.first("Body") ?? "",
            mediaURLs: form.values("MediaUrl"), whatsApp: try WhatsAppInboundDetails(form))
        return SandboxResponse.json(.object([
            ("message", result.message.json),
            ("webhook", result.webhook?.json ?? .null),
            ("replies", .array(result.replies.map(\.json))),
        ]), status: .created)
    }

    /// The WhatsApp user reads its delivered messages (or only `MessageSid`): each becomes `read`,
    /// with its status callback. Answers `{"read": [messages]}`.
    @Sendable func handsetReads(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let handset = try context.parameters.require("Number")
        let form = try await request.flexibleForm()
        let read = try await messaging.read(by: handset, messageSID: form.first("MessageSid"), accountSID: account)
        return SandboxResponse.json(.object([("read", .array(read.map(\.json)))]))
    }
}
