import Hummingbird

/// Messaging v1 (`https://messaging.twilio.com/v1/Services…`): Messaging Services and the numbers
/// of their pools.
struct MessagingServicesController {
    let messagingServices: MessagingServicesFacade

    /// Services by `{Sid}`, within the caller's account.
    private var services: ResourceRoutes<MessagingServiceRecord> {
        ResourceRoutes(api: .messaging, sidParameter: "Sid", notFound: .resource { "/Services/\($0)" },
                       lookup: messagingServices.service(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Services", use: create)
        group.get("Services", use: list)
        group.get("Services/{Sid}", use: services.fetch { $0.json })
        group.post("Services/{Sid}", use: update)
        group.delete("Services/{Sid}", use: services.delete { [messagingServices] in await messagingServices.delete($0) })
        group.post("Services/{Sid}/PhoneNumbers", use: addSender)
        group.get("Services/{Sid}/PhoneNumbers", use: senders)
        group.get("Services/{Sid}/PhoneNumbers/{PhoneNumberSid}", use: sender)
        group.delete("Services/{Sid}/PhoneNumbers/{PhoneNumberSid}", use: removeSender)
    }

    /// CreateService.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let form = try await request.form()
        let service = try await messagingServices.create(form, accountSID: try context.account)
        return SandboxResponse.json(service.json, status: .created)
    }

    /// ListService, paged.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let found = await messagingServices.list(accountSID: try context.account)
        return try TwilioAPI.messaging.page(found.map(\.json), key: "services", path: "/v1/Services", request: request)
    }

    /// UpdateService.
    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await services.record(request, context)
        return SandboxResponse.json(try await messagingServices.update(service, form: try await request.form()).json)
    }

    /// CreatePhoneNumber: `PhoneNumberSid`, one of the account's numbers (`PN…`).
    @Sendable func addSender(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await services.record(request, context)
        let sender = try await messagingServices.addSender(try await request.form(), to: service)
        return SandboxResponse.json(service.senderJSON(sender), status: .created)
    }

    /// ListPhoneNumber: the numbers of the service's pool, paged.
    @Sendable func senders(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await services.record(request, context)
        return try TwilioAPI.messaging.page(service.senders.map(service.senderJSON), key: "phone_numbers",
                                            path: "/v1/Services/\(service.sid)/PhoneNumbers", request: request)
    }

    /// FetchPhoneNumber: one number of the pool.
    @Sendable func sender(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await services.record(request, context)
        let numberSID = try context.parameters.require("PhoneNumberSid")
        guard let sender = service.senders.first(where: { $0.phoneNumberSID == numberSID }) else {
            throw SandboxError.notFound("/Services/\(service.sid)/PhoneNumbers/\(numberSID)")
        }
        return SandboxResponse.json(service.senderJSON(sender))
    }

    /// DeletePhoneNumber: takes a number out of the pool.
    @Sendable func removeSender(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let service = try await services.record(request, context)
        let numberSID = try context.parameters.require("PhoneNumberSid")
        guard await messagingServices.removeSender(numberSID, from: service) else {
            throw SandboxError.notFound("/Services/\(service.sid)/PhoneNumbers/\(numberSID)")
        }
        return SandboxResponse.noContent
    }
}
