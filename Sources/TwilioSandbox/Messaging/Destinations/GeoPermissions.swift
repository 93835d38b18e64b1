/// Each account's Messaging Geo-Permissions: the countries SMS and MMS may be sent to. Every
/// country is on by default; `/sandbox/messaging/geo-permissions` switches them off and on again.
/// Kept in memory only, like handset settings.
actor GeoPermissions {
    /// The countries (ISO 3166-1 alpha-2) switched off, per account.
    private var disabled: [String: Set<String>] = [:]

    /// Switches `country` on or off for `accountSID`.
    func set(_ country: String, enabled: Bool, accountSID: String) {
        if enabled {
            disabled[accountSID]?.remove(country.uppercased())
        } else {
            disabled[accountSID, default: []].insert(country.uppercased())
        }
    }

    /// Whether `accountSID` may send SMS to `country`.
    func allows(_ country: String, accountSID: String) -> Bool {
        disabled[accountSID]?.contains(country.uppercased()) != true
    }

    /// The countries switched off for `accountSID`, sorted.
    func disabledCountries(accountSID: String) -> [String] {
        (disabled[accountSID] ?? []).sorted()
    }
}
