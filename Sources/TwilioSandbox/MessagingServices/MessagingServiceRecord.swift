import Foundation
import TwilioKit

/// A Messaging Service (`MG…`): a pool of the account's numbers that messages sent with
/// `MessagingServiceSid` go out from, with its own inbound webhook and status callback.
struct MessagingServiceRecord: EditableRecord {
    static let kind = "messaging-service"

    /// A number of the pool (a Messaging PhoneNumber resource; its SID is the number's `PN…`).
    struct Sender: Codable, Sendable {
        let phoneNumberSID: String
        let phoneNumber: String
        let dateCreated: Date
    }

    let sid: String
    let accountSID: String
    var friendlyName: String
    var inboundRequestURL: String?
    var inboundMethod = "POST"
    var fallbackURL: String?
    var fallbackMethod = "POST"
    var statusCallback: String?
    var stickySender = true
    var mmsConverter = true
    var smartEncoding = true
    var scanMessageContent = "inherit"
    var fallbackToLongCode = true
    var areaCodeGeomatch = true
    var synchronousValidation = false
    var validityPeriod = 14_400
    var usecase = "undeclared"
    var useInboundWebhookOnNumber = false
    var senders: [Sender] = []
    let dateCreated: Date
    var dateUpdated: Date

    /// The resource's absolute URL, as Twilio writes it in `url`.
    var url: String { "https://messaging.twilio.com/v1/Services/\(sid)" }

    /// Applies a CreateService or UpdateService form (v1 errors: 60200 for a malformed value).
    mutating func apply(_ form: FormParameters) throws(SandboxError) {
        func url(_ name: String, _ keyPath: WritableKeyPath<MessagingServiceRecord, String?>) throws(SandboxError) {
            if let value = try form.settingURL(name, invalid: SandboxError.invalidV2Parameter) { self[keyPath: keyPath] = value }
        }
        func flag(_ name: String, _ keyPath: WritableKeyPath<MessagingServiceRecord, Bool>) throws(SandboxError) {
            if let value = try form.v2Bool(name) { self[keyPath: keyPath] = value }
        }
        if let value = form.first("FriendlyName") {
            guard (1...64).contains(value.count) else { throw .invalidV2Parameter("FriendlyName", value) }
            friendlyName = value
        }
        try url("InboundRequestUrl", \.inboundRequestURL)
        try url("FallbackUrl", \.fallbackURL)
        try url("StatusCallback", \.statusCallback)
        if let value = try form.v2OneOf("InboundMethod", ["GET", "POST"]) { inboundMethod = value }
        if let value = try form.v2OneOf("FallbackMethod", ["GET", "POST"]) { fallbackMethod = value }
        try flag("StickySender", \.stickySender)
        try flag("MmsConverter", \.mmsConverter)
        try flag("SmartEncoding", \.smartEncoding)
        try flag("FallbackToLongCode", \.fallbackToLongCode)
        try flag("AreaCodeGeomatch", \.areaCodeGeomatch)
        try flag("SynchronousValidation", \.synchronousValidation)
        try flag("UseInboundWebhookOnNumber", \.useInboundWebhookOnNumber)
        if let value = try form.v2OneOf("ScanMessageContent", ["inherit", "enable", "disable"]) { scanMessageContent = value }
        if let value = try form.v2Int("ValidityPeriod", in: 1...36_000) { validityPeriod = value }
        if let value = form.first("Usecase") { usecase = value }
    }

    /// Twilio's JSON for the Service, every field present.
    var json: SandboxJSON {
        .object([
            ("sid", .string(sid)),
            ("account_sid", .string(accountSID)),
            ("friendly_name", .string(friendlyName)),
            ("date_created", .string(TwilioDateFormat.iso8601String(from: dateCreated))),
            ("date_updated", .string(TwilioDateFormat.iso8601String(from: dateUpdated))),
            ("inbound_request_url", .optional(inboundRequestURL)),
            ("inbound_method", .string(inboundMethod)),
            ("fallback_url", .optional(fallbackURL)),
            ("fallback_method", .string(fallbackMethod)),
            ("status_callback", .optional(statusCallback)),
            ("sticky_sender", .bool(stickySender)),
            ("mms_converter", .bool(mmsConverter)),
            ("smart_encoding", .bool(smartEncoding)),
            ("scan_message_content", .string(scanMessageContent)),
            ("fallback_to_long_code", .bool(fallbackToLongCode)),
            ("area_code_geomatch", .bool(areaCodeGeomatch)),
            ("synchronous_validation", .bool(synchronousValidation)),
            ("validity_period", .int(validityPeriod)),
            ("url", .string(url)),
            ("links", .object(["phone_numbers", "short_codes", "alpha_senders", "messages", "us_app_to_person", "us_app_to_person_usecases",
                               "channel_senders", "destination_alpha_senders"].map { name in
                (name, .string(url + "/" + Self.linkPath(name)))
            })),
            ("usecase", .string(usecase)),
            ("us_app_to_person_registered", false),
            ("use_inbound_webhook_on_number", .bool(useInboundWebhookOnNumber)),
        ])
    }

    /// Twilio's JSON for one number of the pool.
    func senderJSON(_ sender: Sender) -> SandboxJSON {
        .object([
            ("sid", .string(sender.phoneNumberSID)),
            ("account_sid", .string(accountSID)),
            ("service_sid", .string(sid)),
            ("date_created", .string(TwilioDateFormat.iso8601String(from: sender.dateCreated))),
            ("date_updated", .string(TwilioDateFormat.iso8601String(from: sender.dateCreated))),
            ("phone_number", .string(sender.phoneNumber)),
            ("country_code", .string(sender.phoneNumber.hasPrefix("+1") ? "US" : "")),
            ("capabilities", ["SMS", "MMS", "Voice"]),
            ("url", .string(url + "/PhoneNumbers/" + sender.phoneNumberSID)),
        ])
    }

    /// The path of one of the service's `links`, below its URL.
    private static func linkPath(_ link: String) -> String {
        switch link {
        case "us_app_to_person": "Compliance/Usa2p"
        case "us_app_to_person_usecases": "Compliance/Usa2p/Usecases"
        default: link.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
    }
}
