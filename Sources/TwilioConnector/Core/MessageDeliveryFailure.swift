import TwilioKit

/// A message Twilio accepted (CreateMessage answered 201) that then failed: what only Twilio —
/// or the channel behind it — could know, such as WhatsApp's 24-hour window (63016) or an
/// unregistered sender (63007). It carries the message, so a caller can look it up, and a
/// sentence that says what to do.
public struct MessageDeliveryFailure: Sendable, Equatable {
    /// The message's SID.
    public let sid: String
    /// Its final status (`failed`, `undelivered`).
    public let status: MessageStatus
    /// Twilio's error code.
    public let errorCode: Int?
    /// Twilio's error message.
    public let errorMessage: String?
    /// What to do about it, when the connector knows.
    public let advice: String?

    /// Creates a failure.
    public init(sid: String, status: MessageStatus, errorCode: Int?, errorMessage: String?, advice: String?) {
        self.sid = sid
        self.status = status
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.advice = advice
    }

    /// Twilio's page about the error code.
    public var moreInfo: String? { errorCode.map { "https://www.twilio.com/docs/errors/\($0)" } }

    /// A sentence a person understands: what happened, Twilio's words, what to do.
    public var description: String {
        var text = "Message \(sid) was created but \(status.rawValue)"
        if let errorCode { text += " with error \(errorCode)" }
        if let errorMessage, !errorMessage.isEmpty { text += " (\(errorMessage))" }
        text += "."
        if let advice { text += " " + advice }
        return text
    }
}
