import Foundation

/// The numbers each account owns.
actor PhoneNumberStore {
    private var numbers: RecordTable<OwnedNumber>

    /// The numbers `store` kept, or none.
    init(store: SandboxStore?) throws {
        numbers = try RecordTable(store: store)
    }

    /// Gives `accountSID` the number `phoneNumber` (idempotent).
    @discardableResult
    func provision(_ phoneNumber: String, accountSID: String) -> OwnedNumber {
        if let existing = numbers.last(where: { $0.phoneNumber == phoneNumber && $0.accountSID == accountSID }) {
            return existing
        }
        let now = Date()
        let number = OwnedNumber(sid: SID.make("PN"), accountSID: accountSID, phoneNumber: phoneNumber,
                                 friendlyName: OwnedNumber.friendlyName(of: phoneNumber), dateCreated: now, dateUpdated: now)
        numbers.save(number)
        return number
    }

    /// The number with `sid` in `accountSID`.
    func number(sid: String, accountSID: String) -> OwnedNumber? {
        numbers[sid, of: accountSID]
    }

    /// The number `phoneNumber` (E.164, or a `whatsapp:` address of it), if any account owns it.
    func owner(of phoneNumber: String) -> OwnedNumber? {
        let bare = phoneNumber.hasPrefix("whatsapp:") ? String(phoneNumber.dropFirst(9)) : phoneNumber
        return numbers.last { $0.phoneNumber == bare }
    }

    /// The account's numbers, oldest first, filtered as ListIncomingPhoneNumber filters.
    func list(accountSID: String, phoneNumber: String?, friendlyName: String?) -> [OwnedNumber] {
        numbers.oldestFirst
            .filter { $0.accountSID == accountSID }
            .filter { number in phoneNumber.map { number.phoneNumber.contains($0.filter { $0 != "*" }) } ?? true }
            .filter { number in friendlyName.map { number.friendlyName == $0 } ?? true }
    }

    /// Replaces a number's settings.
    func save(_ number: OwnedNumber) {
        numbers.save(number)
    }

    /// Releases a number.
    func release(sid: String, accountSID: String) -> Bool {
        numbers.remove(sid, of: accountSID)
    }
}
