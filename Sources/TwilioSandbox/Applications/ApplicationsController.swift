import Hummingbird

/// `/2010-04-01/Accounts/{AccountSid}/Applications…`: create, list, fetch, update, delete.
struct ApplicationsController {
    let applications: ApplicationsFacade

    /// Applications by `{Sid}`, within the path's account.
    private var resource: ResourceRoutes<ApplicationRecord> {
        ResourceRoutes(api: .v2010, sidParameter: "Sid", notFound: .requestPath, lookup: applications.application(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Applications.json", use: create)
        group.get("Applications.json", use: list)
        group.get("Applications/{Sid}.json", use: resource.fetch { $0.json })
        group.post("Applications/{Sid}.json", use: update)
        group.delete("Applications/{Sid}.json", use: resource.delete { [applications] in await applications.delete($0) })
    }

    /// CreateApplication.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let application = try await applications.create(try await request.form(), accountSID: account)
        return SandboxResponse.json(application.json, status: .created)
    }

    /// ListApplication: `FriendlyName`, paged.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let found = await applications.list(accountSID: account, friendlyName: request.query.first("FriendlyName"))
        return try TwilioAPI.v2010.page(found.map(\.json), key: "applications",
                                        path: "/2010-04-01/Accounts/\(account)/Applications.json", request: request)
    }

    /// UpdateApplication.
    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let application = try await resource.record(request, context)
        return SandboxResponse.json(try await applications.update(application, form: try await request.form()).json)
    }
}
