import Foundation

/// A Verification (`VE…`): one code sent to a user, until it is approved, canceled or expires.
public struct Verification: Codable, Sendable, Equatable {
    /// `VE…`.
    public var sid: String?
    /// The Verify Service (`VA…`).
    public var serviceSid: String?
    /// The account (`AC…`).
    public var accountSid: String?
    /// The phone number (E.164) or email address being verified.
    public var to: String?
    /// The channel the code went through.
    public var channel: VerificationChannel?
    /// Where the verification stands.
    public var status: VerificationStatus?
    /// Whether the verification succeeded (legacy: use ``status``).
    public var valid: Bool?
    /// What a lookup found about the number, when the service does lookups.
    public var lookup: Lookup?
    /// The PSD2 transaction amount.
    public var amount: String?
    /// The PSD2 transaction payee.
    public var payee: String?
    /// Every attempt to deliver the code.
    public var sendCodeAttempts: [SendCodeAttempt]?
    /// When the verification was created.
    public var dateCreated: Date?
    /// When the verification was last updated.
    public var dateUpdated: Date?
    /// The silent network auth (`sna`) details.
    public var sna: SNA?
    /// The resource's absolute URL.
    public var url: String?
}

extension Verification {
    /// What a lookup found about the number being verified.
    public struct Lookup: Codable, Sendable, Equatable {
        /// The number's carrier.
        public var carrier: Carrier?
    }

    /// The carrier of a number being verified.
    public struct Carrier: Codable, Sendable, Equatable {
        /// The carrier's name.
        public var name: String?
        /// The line type (`mobile`, `landline`, `voip`).
        public var type: String?
        /// The mobile country code (MCC).
        public var mobileCountryCode: String?
        /// The mobile network code (MNC).
        public var mobileNetworkCode: String?
        /// The lookup's error code, if it failed.
        public var errorCode: Int?
    }

    /// One attempt to deliver a code.
    public struct SendCodeAttempt: Codable, Sendable, Equatable {
        /// When the attempt was made.
        public var time: Date?
        /// The channel, as Twilio writes it here (`SMS`, `whatsapp`, `EMAIL`, `sna`).
        public var channel: String?
        /// The attempt (`VL…`).
        public var attemptSid: String?
    }

    /// The silent network auth details of a verification.
    public struct SNA: Codable, Sendable, Equatable {
        /// The URL the user's device must open over its mobile data connection.
        public var url: String?
    }
}

/// The channel a verification goes through.
public enum VerificationChannel: String, TwilioEnum {
    case sms, call, email, whatsapp, sna, rcs
    /// A channel this library does not know yet.
    case unknown
}

/// Where a verification stands.
public enum VerificationStatus: String, TwilioEnum {
    case pending, approved, canceled, deleted, failed, expired
    case maxAttemptsReached = "max_attempts_reached"
    /// A status this library does not know yet.
    case unknown
}
