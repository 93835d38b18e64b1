import Foundation
import Hummingbird
import TwilioKit

/// `/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers…`: list, fetch, update, release.
struct IncomingPhoneNumbersController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("IncomingPhoneNumbers.json", use: list)
        group.get("IncomingPhoneNumbers/{Sid}.json", use: fetch)
        group.post("IncomingPhoneNumbers/{Sid}.json", use: update)
        group.delete("IncomingPhoneNumbers/{Sid}.json", use: release)
    }

    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let query = request.query
        let numbers = await world.numbers.list(accountSID: account, phoneNumber: query.first("PhoneNumber"),
                                               friendlyName: query.first("FriendlyName"))
        let page = try PageRequest(query).v2010Page(numbers.map(\.json), key: "incoming_phone_numbers",
                                                     path: "/2010-04-01/Accounts/\(account)/IncomingPhoneNumbers.json", query: query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(try await number(request, context).json)
    }

    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        var number = try await number(request, context)
        let form = try await request.form()
        try number.webhooks.apply(form)
        number.voiceApplicationSID = try await applicationSID(form, "VoiceApplicationSid", current: number.voiceApplicationSID, account: number.accountSID)
        number.smsApplicationSID = try await applicationSID(form, "SmsApplicationSid", current: number.smsApplicationSID, account: number.accountSID)
        if let value = form.first("FriendlyName") { number.friendlyName = value }
        number.dateUpdated = Date()
        await world.numbers.save(number)
        return SandboxResponse.json(number.json)
    }

    @Sendable func release(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let number = try await number(request, context)
        _ = await world.numbers.release(sid: number.sid, accountSID: number.accountSID)
        return SandboxResponse.noContent
    }

    /// `VoiceApplicationSid` / `SmsApplicationSid`: one of the account's Applications, or empty to clear.
    private func applicationSID(_ form: FormParameters, _ name: String, current: String?, account: String) async throws -> String? {
        guard let value = form.first(name) else { return current }
        guard !value.isEmpty else { return nil }
        guard await world.applications.application(value, accountSID: account) != nil else {
            throw SandboxError(.badRequest, code: 21218, "Invalid \(name): \(value) is not an Application of this account")
        }
        return value
    }

    private func number(_ request: Request, _ context: SandboxRequestContext) async throws -> OwnedNumber {
        let account = try context.pathAccount()
        guard let number = await world.numbers.number(sid: try context.parameters.require("Sid"), accountSID: account) else {
            throw SandboxError.notFound(request.uri.path)
        }
        return number
    }
}
