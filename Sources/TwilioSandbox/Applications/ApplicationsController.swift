import Foundation
import Hummingbird
import TwilioKit

/// `/2010-04-01/Accounts/{AccountSid}/Applications…`: create, list, fetch, update, delete.
struct ApplicationsController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Applications.json", use: create)
        group.get("Applications.json", use: list)
        group.get("Applications/{Sid}.json", use: fetch)
        group.post("Applications/{Sid}.json", use: update)
        group.delete("Applications/{Sid}.json", use: delete)
    }

    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let now = Date()
        var application = ApplicationRecord(sid: SID.make("AP"), accountSID: try context.pathAccount(), dateCreated: now, dateUpdated: now)
        try application.apply(try await request.form())
        await world.applications.save(application)
        return SandboxResponse.json(application.json, status: .created)
    }

    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let query = request.query
        let applications = await world.applications.list(accountSID: account, friendlyName: query.first("FriendlyName"))
        let page = try PageRequest(query).v2010Page(applications.map(\.json), key: "applications",
                                                     path: "/2010-04-01/Accounts/\(account)/Applications.json", query: query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(try await application(request, context).json)
    }

    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        var application = try await application(request, context)
        try application.apply(try await request.form())
        application.dateUpdated = Date()
        await world.applications.save(application)
        return SandboxResponse.json(application.json)
    }

    @Sendable func delete(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let application = try await application(request, context)
        _ = await world.applications.delete(application.sid, accountSID: application.accountSID)
        return SandboxResponse.noContent
    }

    private func application(_ request: Request, _ context: SandboxRequestContext) async throws -> ApplicationRecord {
        guard let application = await world.applications.application(try context.parameters.require("Sid"), accountSID: try context.pathAccount()) else {
            throw SandboxError.notFound(request.uri.path)
        }
        return application
    }
}
