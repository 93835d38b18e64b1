import Foundation

/// A Messaging Service (Messaging v1, `MG…`): a pool of senders with shared settings, including
/// the webhooks its numbers' inbound messages and status updates go to.
public struct MessagingService: Codable, Sendable, Equatable {
    /// `MG…`.
    public var sid: String?
    /// The account (`AC…`) that owns the service.
    public var accountSid: String?
    /// The service's description.
    public var friendlyName: String?
    /// When the service was created.
    public var dateCreated: Date?
    /// When the service was last updated.
    public var dateUpdated: Date?
    /// Called when a sender of the service receives a message; `nil` disables receiving (unless
    /// ``useInboundWebhookOnNumber`` sends messages to the number's own webhook).
    public var inboundRequestUrl: String?
    /// The method for ``inboundRequestUrl``.
    public var inboundMethod: WebhookMethod?
    /// Called when fetching or running the TwiML of ``inboundRequestUrl`` fails.
    public var fallbackUrl: String?
    /// The method for ``fallbackUrl``.
    public var fallbackMethod: WebhookMethod?
    /// Where Twilio sends the status updates of messages sent through the service.
    public var statusCallback: String?
    /// Whether a recipient keeps getting messages from the same sender.
    public var stickySender: Bool?
    /// Whether MMS to recipients that cannot receive them are sent as SMS with a link.
    public var mmsConverter: Bool?
    /// Whether Unicode look-alikes are replaced by GSM-7 characters.
    public var smartEncoding: Bool?
    /// Reserved.
    public var scanMessageContent: ScanMessageContent?
    /// Obsolete: whether failed short-code messages fell back to a long code.
    public var fallbackToLongCode: Bool?
    /// Whether a sender with the recipient's area code is preferred.
    public var areaCodeGeomatch: Bool?
    /// Reserved.
    public var synchronousValidation: Bool?
    /// How long, in seconds, messages sent through the service stay valid.
    public var validityPeriod: Int?
    /// What the service is used for (`notifications`, `marketing`, `verification`, …).
    public var usecase: String?
    /// Whether the service is registered for US A2P 10DLC.
    public var usAppToPersonRegistered: Bool?
    /// Whether inbound messages go to the receiving number's own webhook instead of the service's.
    public var useInboundWebhookOnNumber: Bool?
    /// The resource's absolute URL.
    public var url: String?
    /// The URLs of related resources, by name (`phone_numbers`, `short_codes`, …).
    public var links: [String: String]?

    /// The method Twilio uses to call a webhook: the one phone numbers use.
    public typealias WebhookMethod = IncomingPhoneNumber.WebhookMethod

    /// Whether message content is scanned (reserved by Twilio).
    public enum ScanMessageContent: String, TwilioEnum {
        /// As the account is configured.
        case inherit
        /// Scanned.
        case enable
        /// Not scanned.
        case disable
        /// A value this library does not know yet.
        case unknown
    }
}
