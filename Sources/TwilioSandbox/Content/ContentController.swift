import Hummingbird

/// Content API v1 (`https://content.twilio.com/v1/Content…`): create (JSON body), list, fetch, delete.
struct ContentController {
    let content: ContentFacade

    /// Templates by `{ContentSid}`, within the caller's account.
    private var templates: ResourceRoutes<ContentRecord> {
        ResourceRoutes(api: .content, sidParameter: "ContentSid", notFound: .resource { "/Content/\($0)" },
                       lookup: content.template(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Content", use: create)
        group.get("Content", use: list)
        group.get("Content/{ContentSid}", use: templates.fetch { $0.json })
        group.delete("Content/{ContentSid}", use: templates.delete { [content] in await content.delete($0) })
    }

    /// CreateContent: `{"friendly_name", "language", "variables", "types"}`.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        var buffer = try await request.body.collect(upTo: 1 << 20)
        let template = try await content.create(buffer.readString(length: buffer.readableBytes) ?? "", accountSID: account)
        return SandboxResponse.json(template.json, status: .created)
    }

    /// ListContent, paged.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let found = await content.list(accountSID: try context.account)
        return try TwilioAPI.content.page(found.map(\.json), key: "contents", path: "/v1/Content", request: request)
    }
}
