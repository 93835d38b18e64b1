import Foundation
import TwilioKit

/// Phone numbers' one entrance: the numbers each account owns (IncomingPhoneNumbers), their
/// webhook settings, and the Applications that may handle their calls and messages instead.
struct PhoneNumbersFacade: Sendable {
    private let numbers: ResourceStore<OwnedNumber>
    private let applications: ApplicationsFacade

    /// The numbers `store` kept, whose settings may name one of `applications`.
    init(store: SandboxStore?, applications: ApplicationsFacade) throws {
        numbers = try ResourceStore(store: store)
        self.applications = applications
    }

    /// Gives `accountSID` the number `phoneNumber` (idempotent).
    @discardableResult
    func provision(_ phoneNumber: String, accountSID: String) async -> OwnedNumber {
        await numbers.transaction { table in
            if let existing = table.last(where: { $0.phoneNumber == phoneNumber && $0.accountSID == accountSID }) {
                return existing
            }
            let now = Date()
            let number = OwnedNumber(sid: SID.make("PN"), accountSID: accountSID, phoneNumber: phoneNumber,
                                     friendlyName: OwnedNumber.friendlyName(of: phoneNumber), dateCreated: now, dateUpdated: now)
            table.save(number)
            return number
        }
    }

    /// The number with `sid` in `accountSID`.
    func number(_ sid: String, accountSID: String) async -> OwnedNumber? {
        await numbers.record(sid, accountSID: accountSID)
    }

    /// The number `phoneNumber` (E.164, or a `whatsapp:` address of it), if any account owns it.
    func owner(of phoneNumber: String) async -> OwnedNumber? {
        let bare = phoneNumber.hasPrefix("whatsapp:") ? String(phoneNumber.dropFirst(9)) : phoneNumber
        return await numbers.newest { $0.phoneNumber == bare }
    }

    /// The account's numbers, oldest first, filtered as ListIncomingPhoneNumber filters: `PhoneNumber`
    /// (a part of the number; `*` matches anything) and `FriendlyName`.
    func list(accountSID: String, phoneNumber: String? = nil, friendlyName: String? = nil) async -> [OwnedNumber] {
        await numbers.records(of: accountSID) { number in
            (phoneNumber.map { number.phoneNumber.contains($0.filter { $0 != "*" }) } ?? true)
                && (friendlyName.map { number.friendlyName == $0 } ?? true)
        }
    }

    /// UpdateIncomingPhoneNumber: webhooks, `VoiceApplicationSid`/`SmsApplicationSid` (one of the
    /// account's Applications, or empty to clear; 21218 otherwise) and `FriendlyName`.
    func update(_ number: OwnedNumber, form: FormParameters) async throws(SandboxError) -> OwnedNumber {
        var number = number
        try number.webhooks.apply(form)
        number.voiceApplicationSID = try await applicationSID(form, "VoiceApplicationSid", current: number.voiceApplicationSID, account: number.accountSID)
        number.smsApplicationSID = try await applicationSID(form, "SmsApplicationSid", current: number.smsApplicationSID, account: number.accountSID)
        if let value = form.first("FriendlyName") { number.friendlyName = value }
        number.dateUpdated = Date()
        await numbers.save(number)
        return number
    }

    /// Releases `number`.
    func release(_ number: OwnedNumber) async {
        await numbers.delete(number.sid, accountSID: number.accountSID)
    }

    /// The settings that handle `number`'s calls (`\.voiceApplicationSID`) or messages
    /// (`\.smsApplicationSID`): that Application's, else the number's own.
    func settings(of number: OwnedNumber, handledBy application: KeyPath<OwnedNumber, String?>) async -> WebhookSettings {
        guard let sid = number[keyPath: application], let handler = await applications.application(sid, accountSID: number.accountSID) else {
            return number.webhooks
        }
        return handler.webhooks
    }

    /// `VoiceApplicationSid` / `SmsApplicationSid`: one of the account's Applications, or empty to clear.
    private func applicationSID(_ form: FormParameters, _ name: String, current: String?, account: String) async throws(SandboxError) -> String? {
        guard let value = form.first(name) else { return current }
        guard !value.isEmpty else { return nil }
        guard await applications.application(value, accountSID: account) != nil else {
            throw SandboxError(.badRequest, code: 21218, "Invalid \(name): \(value) is not an Application of this account")
        }
        return value
    }
}
