import Hummingbird
import TwilioKit

/// `/2010-04-01/Accounts/{AccountSid}/Messages…`: create, fetch, update, delete, list; media.
struct MessagesController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Messages.json", use: create)
        group.get("Messages.json", use: list)
        group.get("Messages/{MessageSid}.json", use: fetch)
        group.post("Messages/{MessageSid}.json", use: update)
        group.delete("Messages/{MessageSid}.json", use: delete)
        group.get("Messages/{MessageSid}/Media.json", use: listMedia)
        group.get("Messages/{MessageSid}/Media/{MediaSid}.json", use: fetchMedia)
        group.delete("Messages/{MessageSid}/Media/{MediaSid}.json", use: deleteMedia)
    }

    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let message = try await world.messaging.create(try await request.form(), accountSID: account)
        return SandboxResponse.json(message.json, status: .created)
    }

    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let query = request.query
        let messages = await world.messages.list(accountSID: account, to: query.first("To"), from: query.first("From"),
                                                 sentOn: try DateFilterRange(query, name: "DateSent"))
        let page = try PageRequest(query).v2010Page(messages.map(\.json), key: "messages",
                                                     path: "/2010-04-01/Accounts/\(account)/Messages.json", query: query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(try await message(request, context).json)
    }

    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let sid = try context.parameters.require("MessageSid")
        return SandboxResponse.json(try await world.messaging.update(sid, form: try await request.form(), accountSID: account).json)
    }

    @Sendable func delete(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let sid = try context.parameters.require("MessageSid")
        guard await world.messages.delete(sid, accountSID: account) else { throw SandboxError.notFound(request.uri.path) }
        return SandboxResponse.noContent
    }

    @Sendable func listMedia(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let message = try await message(request, context)
        let items = message.media.compactMap { message.mediaJSON($0.sid) }
        let page = try PageRequest(request.query).v2010Page(items, key: "media_list",
                                                             path: "/2010-04-01/Accounts/\(message.accountSID)/Messages/\(message.sid)/Media.json",
                                                             query: request.query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetchMedia(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let message = try await message(request, context)
        let mediaSID = try context.parameters.require("MediaSid")
        guard let media = message.mediaJSON(mediaSID) else { throw SandboxError.notFound(request.uri.path) }
        return SandboxResponse.json(media)
    }

    @Sendable func deleteMedia(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let message = try await message(request, context)
        let mediaSID = try context.parameters.require("MediaSid")
        guard message.mediaJSON(mediaSID) != nil else { throw SandboxError.notFound(request.uri.path) }
        await world.messages.update(message.sid) { $0.media.removeAll { $0.sid == mediaSID } }
        return SandboxResponse.noContent
    }

    private func message(_ request: Request, _ context: SandboxRequestContext) async throws -> MessageRecord {
        let account = try context.pathAccount()
        let sid = try context.parameters.require("MessageSid")
        guard let message = await world.messages.message(sid, accountSID: account) else { throw SandboxError.notFound(request.uri.path) }
        return message
    }
}
