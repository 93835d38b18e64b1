import Hummingbird

/// Verify v2 services (`https://verify.twilio.com/v2/Services…`): create, fetch, list, update, delete.
struct VerifyServicesController {
    let verify: VerifyFacade

    /// Services by `{ServiceSid}`, within the caller's account.
    private var services: ResourceRoutes<VerifyServiceRecord> {
        ResourceRoutes(api: .verify, sidParameter: "ServiceSid", notFound: .resource { "/Services/\($0)" },
                       lookup: verify.service(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Services", use: create)
        group.get("Services", use: list)
        group.get("Services/{ServiceSid}", use: services.fetch { $0.json })
        group.post("Services/{ServiceSid}", use: update)
        group.delete("Services/{ServiceSid}", use: services.delete { [verify] in await verify.delete($0) })
    }

    /// CreateService.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let service = try await verify.createService(try await request.form(), accountSID: account)
        return SandboxResponse.json(service.json, status: .created)
    }

    /// ListService, paged.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let found = await verify.services(accountSID: try context.account)
        return try TwilioAPI.verify.page(found.map(\.json), key: "services", path: "/v2/Services", request: request)
    }

    /// UpdateService.
    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await services.record(request, context)
        return SandboxResponse.json(try await verify.update(service, form: try await request.form()).json)
    }
}
