import Foundation

/// Every parameter of CreateMessage (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`).
///
/// Exactly one sender is needed: ``from`` or ``messagingServiceSid``; and content: ``body``,
/// ``mediaURLs`` or ``contentSid``.
public struct MessageCreateParameters: Sendable, Equatable {
    /// The recipient: E.164 number or channel address (`whatsapp:+1…`).
    public var to: String
    /// The sender: a Twilio number, short code, alphanumeric ID or channel address.
    public var from: String?
    /// A Messaging Service (`MG…`) that picks the sender.
    public var messagingServiceSid: String?
    /// The text, up to 1600 characters.
    public var body: String?
    /// Up to 10 public URLs of media to send (MMS, WhatsApp).
    public var mediaURLs: [String]
    /// A Content template (`HX…`).
    public var contentSid: String?
    /// A JSON object of the template's variables (`{"1":"Ana"}`).
    public var contentVariables: String?
    /// Where Twilio posts status changes.
    public var statusCallback: String?
    /// An application (`AP…`) whose MessageStatusCallback receives status changes.
    public var applicationSid: String?
    /// The most you will pay for the message, in the account's currency.
    public var maxPrice: Decimal?
    /// Whether Message Feedback is expected.
    public var provideFeedback: Bool?
    /// The total number of attempts (all retries included) the application makes.
    public var attempt: Int?
    /// How long, in seconds (1…36000), the message may wait in the queue.
    public var validityPeriod: Int?
    /// Reserved.
    public var forceDelivery: Bool?
    /// Whether to retain the message's content.
    public var contentRetention: ContentRetention?
    /// Whether to retain or obfuscate the addresses.
    public var addressRetention: AddressRetention?
    /// Whether Twilio replaces Unicode look-alikes with GSM-7 characters.
    public var smartEncoded: Bool?
    /// Rich actions for the conversation (`mailto:`, `geo:`, …).
    public var persistentAction: [String]
    /// Traffic type (`free`).
    public var trafficType: TrafficType?
    /// Whether Twilio shortens and tracks links in the body.
    public var shortenURLs: Bool?
    /// `fixed` to schedule the message at ``sendAt`` (needs a Messaging Service).
    public var scheduleType: ScheduleType?
    /// When a scheduled message is sent (15 minutes to 35 days ahead).
    public var sendAt: Date?
    /// Whether to send as MMS even with no media.
    public var sendAsMMS: Bool?
    /// Whether SMS pumping protection checks this message.
    public var riskCheck: RiskCheck?
    /// An SMS sender used when an RCS message cannot be delivered.
    public var fallbackFrom: String?

    /// Creates parameters for a message to `to`.
    public init(
        to: String, from: String? = nil, messagingServiceSid: String? = nil, body: String? = nil,
        mediaURLs: [String] = [], contentSid: String? = nil, contentVariables: String? = nil,
        statusCallback: String? = nil, applicationSid: String? = nil, maxPrice: Decimal? = nil,
        provideFeedback: Bool? = nil, attempt: Int? = nil, validityPeriod: Int? = nil, forceDelivery: Bool? = nil,
        contentRetention: ContentRetention? = nil, addressRetention: AddressRetention? = nil,
        smartEncoded: Bool? = nil, persistentAction: [String] = [], trafficType: TrafficType? = nil,
        shortenURLs: Bool? = nil, scheduleType: ScheduleType? = nil, sendAt: Date? = nil, sendAsMMS: Bool? = nil,
        riskCheck: RiskCheck? = nil, fallbackFrom: String? = nil
    ) {
        self.to = to
        self.from = from
        self.messagingServiceSid = messagingServiceSid
        self.body = body
        self.mediaURLs = mediaURLs
        self.contentSid = contentSid
        self.contentVariables = contentVariables
        self.statusCallback = statusCallback
        self.applicationSid = applicationSid
        self.maxPrice = maxPrice
        self.provideFeedback = provideFeedback
        self.attempt = attempt
        self.validityPeriod = validityPeriod
        self.forceDelivery = forceDelivery
        self.contentRetention = contentRetention
        self.addressRetention = addressRetention
        self.smartEncoded = smartEncoded
        self.persistentAction = persistentAction
        self.trafficType = trafficType
        self.shortenURLs = shortenURLs
        self.scheduleType = scheduleType
        self.sendAt = sendAt
        self.sendAsMMS = sendAsMMS
        self.riskCheck = riskCheck
        self.fallbackFrom = fallbackFrom
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("To", to)
        form.add("From", from)
        form.add("MessagingServiceSid", messagingServiceSid)
        form.add("Body", body)
        form.add("MediaUrl", mediaURLs)
        form.add("ContentSid", contentSid)
        form.add("ContentVariables", contentVariables)
        form.add("StatusCallback", statusCallback)
        form.add("ApplicationSid", applicationSid)
        form.add("MaxPrice", maxPrice)
        form.add("ProvideFeedback", provideFeedback)
        form.add("Attempt", attempt)
        form.add("ValidityPeriod", validityPeriod)
        form.add("ForceDelivery", forceDelivery)
        form.add("ContentRetention", contentRetention)
        form.add("AddressRetention", addressRetention)
        form.add("SmartEncoded", smartEncoded)
        form.add("PersistentAction", persistentAction)
        form.add("TrafficType", trafficType)
        form.add("ShortenUrls", shortenURLs)
        form.add("ScheduleType", scheduleType)
        form.add("SendAt", dateTime: sendAt)
        form.add("SendAsMms", sendAsMMS)
        form.add("RiskCheck", riskCheck)
        form.add("FallbackFrom", fallbackFrom)
        return form
    }

    /// Whether to retain a message's content.
    public enum ContentRetention: String, Sendable, CaseIterable { case retain, discard }
    /// Whether to retain or obfuscate a message's addresses.
    public enum AddressRetention: String, Sendable, CaseIterable { case retain, obfuscate }
    /// A message's traffic type.
    public enum TrafficType: String, Sendable, CaseIterable { case free }
    /// How a message is scheduled.
    public enum ScheduleType: String, Sendable, CaseIterable { case fixed }
    /// Whether SMS pumping protection checks a message.
    public enum RiskCheck: String, Sendable, CaseIterable { case enable, disable }
}
