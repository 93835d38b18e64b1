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
        let methods = ["GET", "POST"]
        func url(_ name: String) throws -> String?? {
            guard let value = form.first(name) else { return .none }
            guard value.isEmpty || value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw SandboxError(.badRequest, code: 21502, "\(name) is not a valid URL: \(value)")
            }
            return .some(value.isEmpty ? nil : value)
        }
        if let value = try url("SmsUrl") { number.smsURL = value }
        if let value = try url("SmsFallbackUrl") { number.smsFallbackURL = value }
        if let value = try url("VoiceUrl") { number.voiceURL = value }
        if let value = try url("VoiceFallbackUrl") { number.voiceFallbackURL = value }
        if let value = try url("StatusCallback") { number.statusCallback = value }
        if let value = try form.oneOf("SmsMethod", methods) { number.smsMethod = value }
        if let value = try form.oneOf("SmsFallbackMethod", methods) { number.smsFallbackMethod = value }
        if let value = try form.oneOf("VoiceMethod", methods) { number.voiceMethod = value }
        if let value = try form.oneOf("VoiceFallbackMethod", methods) { number.voiceFallbackMethod = value }
        if let value = try form.oneOf("StatusCallbackMethod", methods) { number.statusCallbackMethod = value }
        if let value = try form.bool("VoiceCallerIdLookup") { number.voiceCallerIDLookup = value }
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

    private func number(_ request: Request, _ context: SandboxRequestContext) async throws -> OwnedNumber {
        let account = try context.pathAccount()
        guard let number = await world.numbers.number(sid: try context.parameters.require("Sid"), accountSID: account) else {
            throw SandboxError.notFound(request.uri.path)
        }
        return number
    }
}
