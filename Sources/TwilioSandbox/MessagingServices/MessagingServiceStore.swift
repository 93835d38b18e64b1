import Foundation

/// The Messaging Services of every account, with their number pools.
actor MessagingServiceStore {
    private var services: RecordTable<MessagingServiceRecord>

    /// The services `store` kept, or none.
    init(store: SandboxStore?) throws {
        services = try RecordTable(store: store)
    }

    func save(_ service: MessagingServiceRecord) {
        services.save(service)
    }

    /// The service `sid` of `accountSID`.
    func service(_ sid: String, accountSID: String) -> MessagingServiceRecord? {
        services[sid, of: accountSID]
    }

    /// The account's services, oldest first.
    func list(accountSID: String) -> [MessagingServiceRecord] {
        services.oldestFirst.filter { $0.accountSID == accountSID }
    }

    func delete(_ sid: String, accountSID: String) -> Bool {
        services.remove(sid, of: accountSID)
    }

    /// Adds `number` to the pool of service `sid`: 21710 when it is there already, 21712 when
    /// another service has it.
    func addSender(_ number: OwnedNumber, to sid: String) throws(SandboxError) -> MessagingServiceRecord.Sender? {
        guard let service = service(sid, accountSID: number.accountSID) else { return nil }
        if service.senders.contains(where: { $0.phoneNumberSID == number.sid }) {
            throw SandboxError(.badRequest, code: 21710, "Phone Number Already Exists in Messaging Service")
        }
        if services.oldestFirst.contains(where: { $0.sid != sid && $0.senders.contains { $0.phoneNumberSID == number.sid } }) {
            throw SandboxError(.badRequest, code: 21712, "Phone Number or Short Code is associated with another Messaging Service.")
        }
        let sender = MessagingServiceRecord.Sender(phoneNumberSID: number.sid, phoneNumber: number.phoneNumber, dateCreated: Date())
        services.modify(sid) {
            $0.senders.append(sender)
            $0.dateUpdated = Date()
        }
        return sender
    }

    /// Takes number `phoneNumberSID` out of the pool of service `sid`.
    func removeSender(_ phoneNumberSID: String, from sid: String, accountSID: String) -> Bool {
        guard let service = service(sid, accountSID: accountSID), service.senders.contains(where: { $0.phoneNumberSID == phoneNumberSID }) else {
            return false
        }
        services.modify(sid) { $0.senders.removeAll { $0.phoneNumberSID == phoneNumberSID } }
        return true
    }

    /// The service whose pool holds `number`, if any.
    func service(holding number: OwnedNumber) -> MessagingServiceRecord? {
        services.last { $0.accountSID == number.accountSID && $0.senders.contains { $0.phoneNumberSID == number.sid } }
    }
}
