import Foundation
import Hummingbird

/// Content API v1 (`https://content.twilio.com/v1/Content…`): create (JSON body), list, fetch, delete.
struct ContentController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Content", use: create)
        group.get("Content", use: list)
        group.get("Content/{ContentSid}", use: fetch)
        group.delete("Content/{ContentSid}", use: delete)
    }

    /// CreateContent: `{"friendly_name", "language", "variables", "types"}`.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        var buffer = try await request.body.collect(upTo: 1 << 20)
        let text = buffer.readString(length: buffer.readableBytes) ?? ""
        let body: SandboxJSON
        do { body = try SandboxJSONParser.parse(text) } catch {
            throw SandboxError(.badRequest, code: 20001, "The body is not valid JSON: \(error.reason) at offset \(error.offset)")
        }
        let parts = try ContentTypeRules.validate(body)
        let template = ContentRecord(sid: SID.make("HX"), accountSID: account, friendlyName: parts.friendlyName, language: parts.language,
                                     variables: parts.variables, types: parts.types, dateCreated: Date())
        await world.contents.insert(template)
        return SandboxResponse.json(template.json, status: .created)
    }

    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let templates = await world.contents.list(accountSID: try context.account)
        let page = try PageRequest(request.query).metaPage(templates.map(\.json), key: "contents", origin: request.sandboxOrigin("content"),
                                                           path: "/v1/Content", query: request.query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sid = try context.parameters.require("ContentSid")
        guard let template = await world.contents.template(sid, accountSID: try context.account) else { throw SandboxError.notFound("/Content/\(sid)") }
        return SandboxResponse.json(template.json)
    }

    @Sendable func delete(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sid = try context.parameters.require("ContentSid")
        guard await world.contents.delete(sid, accountSID: try context.account) else { throw SandboxError.notFound("/Content/\(sid)") }
        return SandboxResponse.noContent
    }
}
