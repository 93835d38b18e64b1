/// The outcome of checking a webhook's Twilio signature: which key and algorithm signed it, or
/// why it was refused. Its description is safe to log.
public enum TwilioSignatureCheck: Sendable, Hashable, CustomStringConvertible {
    /// The request is authentic. `keyID` is the shared key that signed it, or `nil` for the Auth Token.
    case valid(keyID: String?, algorithm: TwilioSignatureAlgorithm)
    /// The request must be refused, for this reason.
    case invalid(TwilioSignatureFailure)

    /// Whether the request is authentic.
    public var isValid: Bool {
        if case .valid = self { true } else { false }
    }

    /// Why the request was refused, or `nil` when it is authentic.
    public var failure: TwilioSignatureFailure? {
        if case .invalid(let failure) = self { failure } else { nil }
    }

    /// `valid (Auth Token, HMAC_SHA1)`, `valid (shared key …, HMAC_SHA256)` or `invalid: <reason>`.
    public var description: String {
        switch self {
        case .valid(nil, let algorithm): "valid (Auth Token, \(algorithm.rawValue))"
        case .valid(let keyID?, let algorithm): "valid (shared key \(String(reflecting: keyID)), \(algorithm.rawValue))"
        case .invalid(let failure): "invalid: \(failure)"
        }
    }
}
