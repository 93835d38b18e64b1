import Foundation
import Hummingbird

/// Verify v2 services (`https://verify.twilio.com/v2/Services…`): create, fetch, list, update, delete.
struct VerifyServicesController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Services", use: create)
        group.get("Services", use: list)
        group.get("Services/{ServiceSid}", use: fetch)
        group.post("Services/{ServiceSid}", use: update)
        group.delete("Services/{ServiceSid}", use: delete)
    }

    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let form = try await request.form()
        guard let name = form.first("FriendlyName") else { throw SandboxError.missingV2Parameter("FriendlyName") }
        var service = VerifyServiceRecord(sid: SID.make("VA"), accountSID: account, friendlyName: name, date: Date())
        try service.apply(form)
        await world.verify.insert(service)
        return SandboxResponse.json(service.json, status: .created)
    }

    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let services = await world.verify.services(accountSID: try context.account)
        let page = try PageRequest(request.query).metaPage(services.map(\.json), key: "services", origin: request.sandboxOrigin("verify"),
                                                           path: "/v2/Services", query: request.query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sid = try context.parameters.require("ServiceSid")
        guard let service = await world.verify.service(sid, accountSID: try context.account) else { throw SandboxError.notFound("/Services/\(sid)") }
        return SandboxResponse.json(service.json)
    }

    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sid = try context.parameters.require("ServiceSid")
        let form = try await request.form()
        guard let service = try await world.verify.updateService(sid, accountSID: try context.account, form: form) else {
            throw SandboxError.notFound("/Services/\(sid)")
        }
        return SandboxResponse.json(service.json)
    }

    @Sendable func delete(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sid = try context.parameters.require("ServiceSid")
        guard await world.verify.deleteService(sid, accountSID: try context.account) else { throw SandboxError.notFound("/Services/\(sid)") }
        return SandboxResponse.noContent
    }
}
