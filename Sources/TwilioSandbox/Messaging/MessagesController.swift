import Hummingbird
import TwilioKit

/// `/2010-04-01/Accounts/{AccountSid}/Messages…`: create, fetch, update, delete, list; media.
struct MessagesController {
    let messaging: MessagingFacade

    /// Messages by `{MessageSid}`, within the path's account.
    private var messages: ResourceRoutes<MessageRecord> {
        ResourceRoutes(api: .v2010, sidParameter: "MessageSid", notFound: .requestPath, lookup: messaging.message(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Messages.json", use: create)
        group.get("Messages.json", use: list)
        group.get("Messages/{MessageSid}.json", use: messages.fetch { $0.json })
        group.post("Messages/{MessageSid}.json", use: update)
        group.delete("Messages/{MessageSid}.json", use: messages.delete { [messaging] in await messaging.delete($0) })
        group.get("Messages/{MessageSid}/Media.json", use: listMedia)
        group.get("Messages/{MessageSid}/Media/{MediaSid}.json", use: fetchMedia)
        group.delete("Messages/{MessageSid}/Media/{MediaSid}.json", use: deleteMedia)
    }

    /// CreateMessage; answers 201 with the queued (or scheduled, or accepted) message.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let message = try await messaging.create(try await request.form(), accountSID: account)
        return SandboxResponse.json(message.json, status: .created)
    }

    /// ListMessage: `To`, `From`, `DateSent` (with `<` and `>`), paged.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let query = request.query
        let filter = MessageQuery(to: query.first("To"), from: query.first("From"), sentOn: try DateFilterRange(query, name: "DateSent"))
        let messages = await messaging.list(accountSID: account, filter)
        return try TwilioAPI.v2010.page(messages.map(\.json), key: "messages", path: "/2010-04-01/Accounts/\(account)/Messages.json",
                                        request: request)
    }

    /// UpdateMessage: cancels a scheduled message, or redacts a finished one.
    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let sid = try context.parameters.require("MessageSid")
        return SandboxResponse.json(try await messaging.update(sid, form: try await request.form(), accountSID: account).json)
    }

    /// ListMedia: the message's media, paged.
    @Sendable func listMedia(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let message = try await messages.record(request, context)
        let items = message.media.compactMap { message.mediaJSON($0.sid) }
        return try TwilioAPI.v2010.page(items, key: "media_list",
                                        path: "/2010-04-01/Accounts/\(message.accountSID)/Messages/\(message.sid)/Media.json",
                                        request: request)
    }

    /// FetchMedia.
    @Sendable func fetchMedia(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let (_, media) = try await media(request, context)
        return SandboxResponse.json(media)
    }

    /// DeleteMedia: takes the item off the message.
    @Sendable func deleteMedia(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let (message, _) = try await media(request, context)
        await messaging.deleteMedia(try context.parameters.require("MediaSid"), of: message)
        return SandboxResponse.noContent
    }

    /// The message and the JSON of the media item `{MediaSid}` the path names; 404 otherwise.
    private func media(_ request: Request, _ context: SandboxRequestContext) async throws -> (MessageRecord, SandboxJSON) {
        let message = try await messages.record(request, context)
        guard let media = message.mediaJSON(try context.parameters.require("MediaSid")) else {
            throw SandboxError.notFound(request.uri.path)
        }
        return (message, media)
    }
}
