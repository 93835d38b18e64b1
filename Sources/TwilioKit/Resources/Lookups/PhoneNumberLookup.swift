import Foundation

/// The answer of a Lookup v2 phone number query: the basic formatting and validation, plus one
/// object per data package requested (`nil` for packages not requested).
public struct PhoneNumberLookup: Codable, Sendable, Equatable {
    /// The international dialing prefix (`1`).
    public var callingCountryCode: String?
    /// The ISO 3166-1 alpha-2 country (`US`).
    public var countryCode: String?
    /// The number in E.164 format.
    public var phoneNumber: String?
    /// The number in national format (`(415) 992-9960`).
    public var nationalFormat: String?
    /// Whether the number is in a range that can be assigned to a user.
    public var valid: Bool?
    /// Why the number is invalid.
    public var validationErrors: [ValidationError]?
    /// The CNAM caller name package.
    public var callerName: CallerName?
    /// The SIM swap package.
    public var simSwap: SimSwap?
    /// The call forwarding package.
    public var callForwarding: CallForwarding?
    /// The line type intelligence package.
    public var lineTypeIntelligence: LineTypeIntelligence?
    /// The line status package.
    public var lineStatus: LineStatus?
    /// The identity match package.
    public var identityMatch: IdentityMatch?
    /// The reassigned number package.
    public var reassignedNumber: ReassignedNumber?
    /// The SMS pumping risk package.
    public var smsPumpingRisk: SMSPumpingRisk?
    /// The phone number quality score package (free-form in the spec: keys such as `quality_score`,
    /// `carrier_risk_category`).
    public var phoneNumberQualityScore: JSONValue?
    /// The pre-fill package (free-form in the spec: keys such as `first_name`, `address_line`).
    public var preFill: JSONValue?
    /// The resource's absolute URL.
    public var url: String?
}

extension PhoneNumberLookup {
    /// Why a phone number is invalid.
    public enum ValidationError: String, TwilioEnum {
        case tooShort = "TOO_SHORT"
        case tooLong = "TOO_LONG"
        case invalidButPossible = "INVALID_BUT_POSSIBLE"
        case invalidCountryCode = "INVALID_COUNTRY_CODE"
        case invalidLength = "INVALID_LENGTH"
        case notANumber = "NOT_A_NUMBER"
        /// A reason this library does not know yet.
        case unknown
    }

    /// Caller name (CNAM) information.
    public struct CallerName: Codable, Sendable, Equatable {
        /// The registered name.
        public var callerName: String?
        /// Whether the caller is a business or a consumer.
        public var callerType: CallerType?
        /// The error code of this package, if it failed.
        public var errorCode: Int?
    }

    /// The kind of subscriber behind a caller name.
    public enum CallerType: String, TwilioEnum {
        case business = "BUSINESS"
        case consumer = "CONSUMER"
        case undetermined = "UNDETERMINED"
        /// A type this library does not know yet.
        case unknown
    }

    /// SIM swap information.
    public struct SimSwap: Codable, Sendable, Equatable {
        /// The last SIM change.
        public var lastSimSwap: LastSimSwap?
        /// The mobile carrier.
        public var carrierName: String?
        /// The mobile country code (MCC).
        public var mobileCountryCode: String?
        /// The mobile network code (MNC).
        public var mobileNetworkCode: String?
        /// The error code of this package, if it failed.
        public var errorCode: Int?
    }

    /// The last SIM change of a number.
    public struct LastSimSwap: Codable, Sendable, Equatable {
        /// When the SIM last changed, if the carrier tells.
        public var lastSimSwapDate: Date?
        /// The period checked, as an ISO 8601 duration (`PT48H`).
        public var swappedPeriod: String?
        /// Whether the SIM changed within ``swappedPeriod``.
        public var swappedInPeriod: Bool?
    }

    /// Call forwarding information.
    public struct CallForwarding: Codable, Sendable, Equatable {
        /// Whether unconditional call forwarding is on.
        public var callForwardingEnabled: Bool?
        /// The error code of this package, if it failed.
        public var errorCode: Int?
    }

    /// Line type and carrier information.
    public struct LineTypeIntelligence: Codable, Sendable, Equatable {
        /// The mobile country code (MCC).
        public var mobileCountryCode: String?
        /// The mobile network code (MNC).
        public var mobileNetworkCode: String?
        /// The carrier.
        public var carrierName: String?
        /// The line type.
        public var type: LineType?
        /// The error code of this package, if it failed.
        public var errorCode: Int?
    }

    /// A line type, as Lookup v2 classifies numbers.
    public enum LineType: String, TwilioEnum {
        case landline, mobile, fixedVoip, nonFixedVoip, personal, tollFree, premium, sharedCost, uan, voicemail, pager
        /// Twilio could not tell the type, or it is one this library does not know yet.
        case unknown
    }

    /// Line status information.
    public struct LineStatus: Codable, Sendable, Equatable {
        /// The status on the mobile network.
        public var status: Status?
        /// The error code of this package, if it failed.
        public var errorCode: Int?

        /// A number's status on its mobile network.
        public enum Status: String, TwilioEnum {
            /// Assigned and active, not necessarily reachable.
            case active
            /// Active and the handset is connected.
            case reachable
            /// Active but the handset is off or out of reach.
            case unreachable
            /// Not assigned to any subscriber, or invalid.
            case inactive
            /// Twilio could not tell, or a status this library does not know yet.
            case unknown
        }
    }

    /// Identity match information: how each given attribute matches the number's owner.
    public struct IdentityMatch: Codable, Sendable, Equatable {
        /// The first name's match.
        public var firstNameMatch: MatchResult?
        /// The last name's match.
        public var lastNameMatch: MatchResult?
        /// The address lines' match.
        public var addressLinesMatch: MatchResult?
        /// The city's match.
        public var cityMatch: MatchResult?
        /// The state's match.
        public var stateMatch: MatchResult?
        /// The postal code's match.
        public var postalCodeMatch: MatchResult?
        /// The address country's match.
        public var addressCountryMatch: MatchResult?
        /// The national ID's match.
        public var nationalIdMatch: MatchResult?
        /// The date of birth's match.
        public var dateOfBirthMatch: MatchResult?
        /// An overall score from 0 to 100.
        public var summaryScore: Int?
        /// The error code of this package, if it failed.
        public var errorCode: Int?
        /// The error message of this package, if it failed.
        public var errorMessage: String?
    }

    /// How one identity attribute matches.
    public enum MatchResult: String, TwilioEnum {
        case exactMatch = "exact_match"
        case highPartialMatch = "high_partial_match"
        case partialMatch = "partial_match"
        case noMatch = "no_match"
        case noDataAvailable = "no_data_available"
        /// A result this library does not know yet.
        case unknown
    }

    /// Reassigned number information.
    public struct ReassignedNumber: Codable, Sendable, Equatable {
        /// The date checked against, `YYYY-MM-DD`.
        public var lastVerifiedDate: String?
        /// Whether the number was reassigned since ``lastVerifiedDate``.
        public var isNumberReassigned: Reassignment?
        /// The error code of this package, if it failed (a string in this package).
        public var errorCode: String?
    }

    /// Whether a number was reassigned.
    public enum Reassignment: String, TwilioEnum {
        case yes, no
        case noDataAvailable = "no_data_available"
        /// An answer this library does not know yet.
        case unknown
    }

    /// SMS pumping risk information.
    public struct SMSPumpingRisk: Codable, Sendable, Equatable {
        /// The risk of the number's carrier.
        public var carrierRiskCategory: RiskCategory?
        /// Whether Verify Fraud Guard currently blocks the number.
        public var numberBlocked: Bool?
        /// When Verify Fraud Guard last blocked the number.
        public var numberBlockedDate: Date?
        /// Whether Verify Fraud Guard blocked the number in the last three months.
        public var numberBlockedLast3Months: Bool?
        /// The risk score, from 0 (no risk) to 100.
        public var smsPumpingRiskScore: Int?
        /// The error code of this package, if it failed.
        public var errorCode: Int?
    }

    /// A risk category.
    public enum RiskCategory: String, TwilioEnum {
        case low, mild, moderate, high
        /// A category this library does not know yet.
        case unknown
    }
}
