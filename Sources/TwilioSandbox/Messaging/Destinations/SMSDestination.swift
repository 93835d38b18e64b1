import TwilioKit

/// The country an SMS or MMS goes to, and the rules of sending there: the account's
/// Geo-Permissions (21408) and whether the country's carriers take alphanumeric sender IDs
/// (21612 where they do not).
struct SMSDestination: Sendable {
    /// Countries whose carriers take no alphanumeric sender ID. Twilio's support article
    /// "International support for Alphanumeric Sender ID" names the US and Canada among them.
    static let refusingAlphanumericSenders: Set<String> = ["US", "CA"]

    /// The recipient, E.164.
    let number: String
    /// Its country (ISO 3166-1 alpha-2), when the numbering plan tells.
    let country: String?

    /// The destination of a message to `recipient`; `nil` unless it is a phone number (WhatsApp and
    /// other channels have no SMS rules).
    init?(recipient: String) {
        guard case .phoneNumber? = try? ChannelAddress(recipient) else { return nil }
        number = recipient
        country = PhoneNumberAnalysis(recipient, countryCode: nil).region
    }

    /// Refuses a message from `sender` as Twilio does: a country switched off in `permissions`
    /// (21408), then an alphanumeric sender ID towards a country that does not take them (21612).
    func check(sender: ChannelAddress?, permissions: GeoPermissions, accountSID: String) async throws(SandboxError) {
        guard let country else { return }
        guard await permissions.allows(country, accountSID: accountSID) else { throw .regionNotPermitted(number) }
        if case .alphanumericSenderID? = sender, Self.refusingAlphanumericSenders.contains(country) {
            throw .unreachableViaSMS(number)
        }
    }
}
