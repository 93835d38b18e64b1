import Hummingbird

/// Content API v1 (`https://content.twilio.com/v1/Content…`): create (JSON body), list, fetch,
/// delete; WhatsApp approval requests (create, fetch) and ContentAndApprovals.
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
        group.post("Content/{ContentSid}/ApprovalRequests/whatsapp", use: submitForApproval)
        group.get("Content/{ContentSid}/ApprovalRequests", use: templates.fetch { $0.approvalFetchJSON })
        group.get("ContentAndApprovals", use: listWithApprovals)
    }

    /// CreateContent: `{"friendly_name", "language", "variables", "types"}`.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let template = try await content.create(try await Self.text(of: request), accountSID: account)
        return SandboxResponse.json(template.json, status: .created)
    }

    /// CreateApprovalCreate: `{"name", "category"}` submits the template to WhatsApp (`received`).
    @Sendable func submitForApproval(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let template = try await templates.record(request, context)
        let approval = try await content.submitForApproval(template, body: try await Self.text(of: request))
        return SandboxResponse.json(approval.json, status: .created)
    }

    /// ListContentAndApprovals, paged.
    @Sendable func listWithApprovals(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let found = await content.list(accountSID: try context.account)
        return try TwilioAPI.content.page(found.map(\.withApprovalsJSON), key: "contents", path: "/v1/ContentAndApprovals", request: request)
    }

    /// A JSON request body, as text.
    private static func text(of request: Request) async throws -> String {
        var buffer = try await request.body.collect(upTo: 1 << 20)
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    /// ListContent, paged.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let found = await content.list(accountSID: try context.account)
        return try TwilioAPI.content.page(found.map(\.json), key: "contents", path: "/v1/Content", request: request)
    }
}
