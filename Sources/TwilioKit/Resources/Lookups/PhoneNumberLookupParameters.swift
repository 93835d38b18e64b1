/// Every query parameter of FetchPhoneNumber (`GET /v2/PhoneNumbers/{PhoneNumber}`).
///
/// Without ``fields``, Lookup returns the free basic formatting and validation.
public struct PhoneNumberLookupParameters: Sendable, Equatable {
    /// The data packages to return (sent comma-separated as `Fields`).
    public var fields: Set<LookupField>
    /// The ISO 3166-1 alpha-2 country of a number given in national format.
    public var countryCode: String?
    /// The user's first name (identity_match).
    public var firstName: String?
    /// The user's last name (identity_match).
    public var lastName: String?
    /// The user's first address line (identity_match).
    public var addressLine1: String?
    /// The user's second address line (identity_match).
    public var addressLine2: String?
    /// The user's city (identity_match).
    public var city: String?
    /// The user's state, province or locality (identity_match).
    public var state: String?
    /// The user's postal code (identity_match).
    public var postalCode: String?
    /// The user's ISO country code, two letters (identity_match).
    public var addressCountryCode: String?
    /// The user's national ID, such as an SSN or passport number (identity_match).
    public var nationalID: String?
    /// The user's date of birth, `YYYYMMDD` (identity_match).
    public var dateOfBirth: String?
    /// The date, `YYYYMMDD`, the user was last known to be reachable at the number (reassigned_number).
    public var lastVerifiedDate: String?
    /// A Verify verification (`VE…`) of the number (pre_fill).
    public var verificationSid: String?
    /// Your own segmentation (sub-account, tenant, sender), for a more accurate risk analysis.
    public var partnerSubID: String?

    /// Creates parameters; no argument requests the basic lookup.
    public init(
        fields: Set<LookupField> = [], countryCode: String? = nil, firstName: String? = nil, lastName: String? = nil,
        addressLine1: String? = nil, addressLine2: String? = nil, city: String? = nil, state: String? = nil,
        postalCode: String? = nil, addressCountryCode: String? = nil, nationalID: String? = nil,
        dateOfBirth: String? = nil, lastVerifiedDate: String? = nil, verificationSid: String? = nil,
        partnerSubID: String? = nil
    ) {
        self.fields = fields
        self.countryCode = countryCode
        self.firstName = firstName
        self.lastName = lastName
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.addressCountryCode = addressCountryCode
        self.nationalID = nationalID
        self.dateOfBirth = dateOfBirth
        self.lastVerifiedDate = lastVerifiedDate
        self.verificationSid = verificationSid
        self.partnerSubID = partnerSubID
    }

    /// The query string, with Twilio's parameter names.
    public var query: FormParameters {
        var query = FormParameters()
        query.add("Fields", LookupField.parameter(fields))
        query.add("CountryCode", countryCode)
        query.add("FirstName", firstName)
        query.add("LastName", lastName)
        query.add("AddressLine1", addressLine1)
        query.add("AddressLine2", addressLine2)
        query.add("City", city)
        query.add("State", state)
        query.add("PostalCode", postalCode)
        query.add("AddressCountryCode", addressCountryCode)
        query.add("NationalId", nationalID)
        query.add("DateOfBirth", dateOfBirth)
        query.add("LastVerifiedDate", lastVerifiedDate)
        query.add("VerificationSid", verificationSid)
        query.add("PartnerSubId", partnerSubID)
        return query
    }
}
