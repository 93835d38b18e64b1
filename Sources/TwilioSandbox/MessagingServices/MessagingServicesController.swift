import Foundation
import Hummingbird
import TwilioKit

/// Messaging v1 (`https://messaging.twilio.com/v1/Services…`): Messaging Services and the numbers
/// of their pools.
struct MessagingServicesController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Services", use: create)
        group.get("Services", use: list)
        group.get("Services/{Sid}", use: fetch)
        group.post("Services/{Sid}", use: update)
        group.delete("Services/{Sid}", use: delete)
        group.post("Services/{Sid}/PhoneNumbers", use: addSender)
        group.get("Services/{Sid}/PhoneNumbers", use: senders)
        group.get("Services/{Sid}/PhoneNumbers/{PhoneNumberSid}", use: sender)
        group.delete("Services/{Sid}/PhoneNumbers/{PhoneNumberSid}", use: removeSender)
    }

    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let form = try await request.form()
        guard let name = form.first("FriendlyName") else { throw SandboxError.missingV2Parameter("FriendlyName") }
        let now = Date()
        var service = MessagingServiceRecord(sid: SID.make("MG"), accountSID: try context.account, friendlyName: name,
                                             dateCreated: now, dateUpdated: now)
        try service.apply(form)
        await world.messagingServices.save(service)
        return SandboxResponse.json(service.json, status: .created)
    }

    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let services = await world.messagingServices.list(accountSID: try context.account)
        let page = try PageRequest(request.query).metaPage(services.map(\.json), key: "services", origin: request.sandboxOrigin("messaging"),
                                                           path: "/v1/Services", query: request.query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(try await service(context).json)
    }

    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        var service = try await service(context)
        try service.apply(try await request.form())
        service.dateUpdated = Date()
        await world.messagingServices.save(service)
        return SandboxResponse.json(service.json)
    }

    @Sendable func delete(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await service(context)
        _ = await world.messagingServices.delete(service.sid, accountSID: service.accountSID)
        return SandboxResponse.noContent
    }

    /// CreatePhoneNumber: `PhoneNumberSid`, one of the account's numbers (`PN…`).
    @Sendable func addSender(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await service(context)
        let form = try await request.form()
        guard let numberSID = form.first("PhoneNumberSid") else { throw SandboxError.missingV2Parameter("PhoneNumberSid") }
        guard let number = await world.numbers.number(sid: numberSID, accountSID: service.accountSID) else {
            throw SandboxError(.notFound, code: 20404, "The requested resource /IncomingPhoneNumbers/\(numberSID) was not found")
        }
        guard let sender = try await world.messagingServices.addSender(number, to: service.sid) else { throw notFound(service.sid) }
        return SandboxResponse.json(service.senderJSON(sender), status: .created)
    }

    @Sendable func senders(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await service(context)
        let page = try PageRequest(request.query).metaPage(service.senders.map(service.senderJSON), key: "phone_numbers",
                                                           origin: request.sandboxOrigin("messaging"),
                                                           path: "/v1/Services/\(service.sid)/PhoneNumbers", query: request.query)
        return SandboxResponse.json(page)
    }

    @Sendable func sender(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await service(context)
        let numberSID = try context.parameters.require("PhoneNumberSid")
        guard let sender = service.senders.first(where: { $0.phoneNumberSID == numberSID }) else {
            throw SandboxError.notFound("/Services/\(service.sid)/PhoneNumbers/\(numberSID)")
        }
        return SandboxResponse.json(service.senderJSON(sender))
    }

    @Sendable func removeSender(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await service(context)
        let numberSID = try context.parameters.require("PhoneNumberSid")
        guard await world.messagingServices.removeSender(numberSID, from: service.sid, accountSID: service.accountSID) else {
            throw SandboxError.notFound("/Services/\(service.sid)/PhoneNumbers/\(numberSID)")
        }
        return SandboxResponse.noContent
    }

    private func service(_ context: SandboxRequestContext) async throws -> MessagingServiceRecord {
        let sid = try context.parameters.require("Sid")
        guard let service = await world.messagingServices.service(sid, accountSID: try context.account) else { throw notFound(sid) }
        return service
    }

    private func notFound(_ sid: String) -> SandboxError { .notFound("/Services/\(sid)") }
}
