import TwilioKit

/// The WhatsApp senders each account has registered: only they can send on WhatsApp (a message
/// from another `whatsapp:` address fails with 63007). The main account starts with its numbers
/// registered; `/sandbox/whatsapp/senders` registers and removes more. Kept in memory only, like
/// handset settings.
actor WhatsAppSenders {
    /// The registered numbers (E.164) of each account.
    private var senders: [String: Set<String>]

    /// Senders with `registered` numbers per account SID.
    init(registered: [String: [String]]) {
        senders = registered.mapValues { Set($0) }
    }

    /// Registers `number` (E.164, with or without `whatsapp:`) for `accountSID`.
    func register(_ number: String, accountSID: String) {
        senders[accountSID, default: []].insert(Self.bare(number))
    }

    /// Removes `number` from `accountSID`'s senders; whether it was one.
    func remove(_ number: String, accountSID: String) -> Bool {
        senders[accountSID]?.remove(Self.bare(number)) != nil
    }

    /// Whether `address` (`whatsapp:+1…`) is one of `accountSID`'s senders.
    func isRegistered(_ address: String, accountSID: String) -> Bool {
        senders[accountSID]?.contains(Self.bare(address)) == true
    }

    /// `accountSID`'s senders, as `whatsapp:` addresses, sorted.
    func list(accountSID: String) -> [String] {
        (senders[accountSID] ?? []).sorted().map { "whatsapp:" + $0 }
    }

    /// The number of a `whatsapp:` address.
    private static func bare(_ address: String) -> String {
        address.lowercased().hasPrefix("whatsapp:") ? String(address.dropFirst("whatsapp:".count)) : address
    }
}
