import Foundation
import TwilioKit

/// Messaging Services' one entrance: the services (`MG…`) of every account and the pools of
/// numbers their messages go out from.
struct MessagingServicesFacade: Sendable {
    private let services: ResourceStore<MessagingServiceRecord>
    private let phoneNumbers: PhoneNumbersFacade

    /// The services `store` kept, whose pools hold numbers of `phoneNumbers`.
    init(store: SandboxStore?, phoneNumbers: PhoneNumbersFacade) throws {
        services = try ResourceStore(store: store)
        self.phoneNumbers = phoneNumbers
    }

    /// CreateService: `FriendlyName` is required (20001).
    func create(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> MessagingServiceRecord {
        guard let name = form.first("FriendlyName") else { throw .missingV2Parameter("FriendlyName") }
        let now = Date()
        return try await services.create(MessagingServiceRecord(sid: SID.make("MG"), accountSID: accountSID, friendlyName: name,
                                                                dateCreated: now, dateUpdated: now), with: form)
    }

    /// The service `sid` of `accountSID`.
    func service(_ sid: String, accountSID: String) async -> MessagingServiceRecord? {
        await services.record(sid, accountSID: accountSID)
    }

    /// The account's services, oldest first.
    func list(accountSID: String) async -> [MessagingServiceRecord] {
        await services.records(of: accountSID)
    }

    /// UpdateService.
    func update(_ service: MessagingServiceRecord, form: FormParameters) async throws(SandboxError) -> MessagingServiceRecord {
        try await services.update(service, with: form)
    }

    /// DeleteService.
    func delete(_ service: MessagingServiceRecord) async {
        await services.delete(service.sid, accountSID: service.accountSID)
    }

    /// CreatePhoneNumber: adds the account's number `PhoneNumberSid` to the pool of `service`;
    /// 21710 when it is there already, 21712 when another service has it, 20404 when the
    /// number (or the service, meanwhile) is gone.
    func addSender(_ form: FormParameters, to service: MessagingServiceRecord) async throws(SandboxError) -> MessagingServiceRecord.Sender {
        guard let numberSID = form.first("PhoneNumberSid") else { throw .missingV2Parameter("PhoneNumberSid") }
        guard let number = await phoneNumbers.number(numberSID, accountSID: service.accountSID) else {
            throw .notFound("/IncomingPhoneNumbers/\(numberSID)")
        }
        let sid = service.sid
        return try await services.transaction { (table) throws(SandboxError) -> MessagingServiceRecord.Sender in
            guard let service = table[sid, of: number.accountSID] else { throw .notFound("/Services/\(sid)") }
            if service.senders.contains(where: { $0.phoneNumberSID == number.sid }) {
                throw SandboxError(.badRequest, code: 21710, "Phone Number Already Exists in Messaging Service")
            }
            if table.oldestFirst.contains(where: { $0.sid != sid && $0.senders.contains { $0.phoneNumberSID == number.sid } }) {
                throw SandboxError(.badRequest, code: 21712, "Phone Number or Short Code is associated with another Messaging Service.")
            }
            let sender = MessagingServiceRecord.Sender(phoneNumberSID: number.sid, phoneNumber: number.phoneNumber, dateCreated: Date())
            table.modify(sid) {
                $0.senders.append(sender)
                $0.dateUpdated = Date()
            }
            return sender
        }
    }

    /// DeletePhoneNumber: takes number `phoneNumberSID` out of the pool of `service`; `false` when
    /// the pool does not hold it.
    func removeSender(_ phoneNumberSID: String, from service: MessagingServiceRecord) async -> Bool {
        let sid = service.sid
        return await services.transaction { table in
            guard table[sid]?.senders.contains(where: { $0.phoneNumberSID == phoneNumberSID }) == true else { return false }
            table.modify(sid) { $0.senders.removeAll { $0.phoneNumberSID == phoneNumberSID } }
            return true
        }
    }

    /// The service whose pool holds `number`, if any.
    func service(holding number: OwnedNumber) async -> MessagingServiceRecord? {
        await services.newest { $0.accountSID == number.accountSID && $0.senders.contains { $0.phoneNumberSID == number.sid } }
    }
}
