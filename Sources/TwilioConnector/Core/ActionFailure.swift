import TwilioKit

/// Why an action did not succeed.
public enum ActionFailure: Error, Sendable {
    /// The input breaks rules; nothing was sent.
    case invalidInput([ValidationIssue])
    /// Twilio (or the network) failed the request.
    case twilio(TwilioError)
    /// Twilio accepted a message that then failed (a WhatsApp rule, the carrier).
    case messageFailed(MessageDeliveryFailure)
    /// Something else went wrong (a file could not be written, …).
    case other(String)

    /// A sentence a person understands.
    public var message: String {
        switch self {
        case .invalidInput(let issues):
            "Invalid input: " + issues.map(\.description).joined(separator: "; ") + ". Nothing was sent."
        case .twilio(let error):
            error.description
        case .messageFailed(let failure):
            failure.description
        case .other(let reason):
            reason
        }
    }
}
