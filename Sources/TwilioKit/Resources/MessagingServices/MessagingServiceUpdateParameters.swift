/// Every parameter of UpdateService (`POST /v1/Services/{Sid}` on Messaging v1).
///
/// Unset parameters are left unchanged; an empty string clears a URL.
public struct MessagingServiceUpdateParameters: Sendable, Equatable {
    /// A description of up to 64 characters.
    public var friendlyName: String?
    /// Called when a sender of the service receives a message; empty to stop receiving.
    public var inboundRequestURL: String?
    /// The method for ``inboundRequestURL`` (`GET` or `POST`).
    public var inboundMethod: HTTPMethod?
    /// Called when fetching or running the TwiML of ``inboundRequestURL`` fails.
    public var fallbackURL: String?
    /// The method for ``fallbackURL`` (`GET` or `POST`).
    public var fallbackMethod: HTTPMethod?
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
    /// Obsolete.
    public var fallbackToLongCode: Bool?
    /// Whether a sender with the recipient's area code is preferred.
    public var areaCodeGeomatch: Bool?
    /// How long, in seconds, messages sent through the service stay valid (1…36,000).
    public var validityPeriod: Int?
    /// Reserved.
    public var synchronousValidation: Bool?
    /// What the service is used for (`notifications`, `marketing`, `verification`, …).
    public var usecase: String?
    /// Whether inbound messages go to the receiving number's own webhook instead of the service's.
    public var useInboundWebhookOnNumber: Bool?

    /// Creates update parameters; unset ones are left unchanged.
    public init(
        friendlyName: String? = nil, inboundRequestURL: String? = nil, inboundMethod: HTTPMethod? = nil,
        fallbackURL: String? = nil, fallbackMethod: HTTPMethod? = nil, statusCallback: String? = nil,
        stickySender: Bool? = nil, mmsConverter: Bool? = nil, smartEncoding: Bool? = nil,
        scanMessageContent: ScanMessageContent? = nil, fallbackToLongCode: Bool? = nil, areaCodeGeomatch: Bool? = nil,
        validityPeriod: Int? = nil, synchronousValidation: Bool? = nil, usecase: String? = nil,
        useInboundWebhookOnNumber: Bool? = nil
    ) {
        self.friendlyName = friendlyName
        self.inboundRequestURL = inboundRequestURL
        self.inboundMethod = inboundMethod
        self.fallbackURL = fallbackURL
        self.fallbackMethod = fallbackMethod
        self.statusCallback = statusCallback
        self.stickySender = stickySender
        self.mmsConverter = mmsConverter
        self.smartEncoding = smartEncoding
        self.scanMessageContent = scanMessageContent
        self.fallbackToLongCode = fallbackToLongCode
        self.areaCodeGeomatch = areaCodeGeomatch
        self.validityPeriod = validityPeriod
        self.synchronousValidation = synchronousValidation
        self.usecase = usecase
        self.useInboundWebhookOnNumber = useInboundWebhookOnNumber
    }

    /// Parameters that put a service's webhooks back as `service` had them: its inbound, fallback
    /// and status callback URLs (an absent one as an empty string, which clears it), their
    /// methods (left unchanged when unknown), and whether the numbers' own webhooks are used.
    public init(restoringWebhooksOf service: MessagingService) {
        self.init(inboundRequestURL: service.inboundRequestUrl ?? "", inboundMethod: service.inboundMethod?.httpMethod,
                  fallbackURL: service.fallbackUrl ?? "", fallbackMethod: service.fallbackMethod?.httpMethod,
                  statusCallback: service.statusCallback ?? "", useInboundWebhookOnNumber: service.useInboundWebhookOnNumber)
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("FriendlyName", friendlyName)
        form.add("InboundRequestUrl", inboundRequestURL)
        form.add("InboundMethod", inboundMethod)
        form.add("FallbackUrl", fallbackURL)
        form.add("FallbackMethod", fallbackMethod)
        form.add("StatusCallback", statusCallback)
        form.add("StickySender", stickySender)
        form.add("MmsConverter", mmsConverter)
        form.add("SmartEncoding", smartEncoding)
        form.add("ScanMessageContent", scanMessageContent)
        form.add("FallbackToLongCode", fallbackToLongCode)
        form.add("AreaCodeGeomatch", areaCodeGeomatch)
        form.add("ValidityPeriod", validityPeriod)
        form.add("SynchronousValidation", synchronousValidation)
        form.add("Usecase", usecase)
        form.add("UseInboundWebhookOnNumber", useInboundWebhookOnNumber)
        return form
    }

    /// Whether message content is scanned (reserved by Twilio).
    public enum ScanMessageContent: String, Sendable, CaseIterable {
        /// As the account is configured.
        case inherit
        /// Scanned.
        case enable
        /// Not scanned.
        case disable
    }
}
