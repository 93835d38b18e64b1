import Foundation

/// The result of checking a code (`POST /v2/Services/{ServiceSid}/VerificationCheck`).
public struct VerificationCheck: Codable, Sendable, Equatable {
    /// The verification (`VE…`) checked.
    public var sid: String?
    /// The Verify Service (`VA…`).
    public var serviceSid: String?
    /// The account (`AC…`).
    public var accountSid: String?
    /// The phone number (E.164) or email address being verified.
    public var to: String?
    /// The channel the code went through.
    public var channel: VerificationChannel?
    /// Where the verification stands: `approved` when the code was right.
    public var status: VerificationStatus?
    /// Whether the code was right (legacy: use ``status``).
    public var valid: Bool?
    /// The PSD2 transaction amount.
    public var amount: String?
    /// The PSD2 transaction payee.
    public var payee: String?
    /// When the verification was created.
    public var dateCreated: Date?
    /// When the verification was last updated.
    public var dateUpdated: Date?
    /// The errors of the `sna` attempts, oldest first.
    public var snaAttemptsErrorCodes: [SNAAttemptError]?

    /// The error of one silent network auth attempt.
    public struct SNAAttemptError: Codable, Sendable, Equatable {
        /// The attempt (`VL…`).
        public var attemptSid: String?
        /// The error code.
        public var code: Int?
    }
}
