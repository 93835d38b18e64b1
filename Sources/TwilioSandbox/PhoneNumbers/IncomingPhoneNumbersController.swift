import Hummingbird

/// `/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers…`: list, fetch, update, release.
struct IncomingPhoneNumbersController {
    let phoneNumbers: PhoneNumbersFacade

    /// Numbers by `{Sid}`, within the path's account.
    private var numbers: ResourceRoutes<OwnedNumber> {
        ResourceRoutes(api: .v2010, sidParameter: "Sid", notFound: .requestPath, lookup: phoneNumbers.number(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("IncomingPhoneNumbers.json", use: list)
        group.get("IncomingPhoneNumbers/{Sid}.json", use: numbers.fetch { $0.json })
        group.post("IncomingPhoneNumbers/{Sid}.json", use: update)
        group.delete("IncomingPhoneNumbers/{Sid}.json", use: numbers.delete { [phoneNumbers] in await phoneNumbers.release($0) })
    }

    /// ListIncomingPhoneNumber: `PhoneNumber`, `FriendlyName`, paged.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let query = request.query
        let numbers = await phoneNumbers.list(accountSID: account, phoneNumber: query.first("PhoneNumber"),
                                              friendlyName: query.first("FriendlyName"))
        return try TwilioAPI.v2010.page(numbers.map(\.json), key: "incoming_phone_numbers",
                                        path: "/2010-04-01/Accounts/\(account)/IncomingPhoneNumbers.json", request: request)
    }

    /// UpdateIncomingPhoneNumber.
    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let number = try await numbers.record(request, context)
        return SandboxResponse.json(try await phoneNumbers.update(number, form: try await request.form()).json)
    }
}
