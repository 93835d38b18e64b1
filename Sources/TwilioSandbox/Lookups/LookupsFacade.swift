import TwilioKit

/// Lookup's one entrance: analyses a number and answers with the data packages asked for; a
/// number the sandbox owns is a mobile of the sandbox's carrier.
struct LookupsFacade: Sendable {
    let phoneNumbers: PhoneNumbersFacade

    /// FetchPhoneNumber: `phoneNumber` (national when `countryCode` says where) with the packages `fields`.
    func lookUp(_ phoneNumber: String, countryCode: String?, fields: Set<LookupField>) async -> PhoneNumberLookupAnswer {
        let analysis = PhoneNumberAnalysis(phoneNumber, countryCode: countryCode)
        let owned = analysis.isValid ? await phoneNumbers.owner(of: analysis.phoneNumber) != nil : false
        return PhoneNumberLookupAnswer(analysis: analysis, fields: fields, ownedBySandbox: owned)
    }
}
