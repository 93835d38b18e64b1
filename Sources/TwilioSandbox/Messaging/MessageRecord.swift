import Foundation
import TwilioKit

/// A message the sandbox holds, inbound or outbound. Its status changes only through
/// ``handle(_:sender:now:)``, which runs its ``MessageLifecycle``.
struct MessageRecord: StoredRecord {
    static let kind = "message"

    /// A media item: its `ME…` SID and URL.
    struct Media: Codable, Sendable {
        let sid: String
        let url: String
    }

    let sid: String
    let accountSID: String
    var from: String?
    let to: String
    var body: String
    private(set) var status: MessageStatus
    let direction: MessageDirection
    let messagingServiceSID: String?
    /// The media attached, each with its `ME…` SID.
    var media: [Media]
    let statusCallback: String?
    /// Segments of the body (GSM-7 or UCS-2).
    let segmentCount: Int
    var errorCode: Int?
    var errorMessage: String?
    let dateCreated: Date
    var dateUpdated: Date
    var dateSent: Date?
    let sendAt: Date?
    /// Where an outbound message's content came from (free-form when `nil`: also a message kept
    /// by an older sandbox).
    var contentSource: MessageContentSource?

    /// A new message created `now`: an `MM…` SID when it carries media (each item gets an `ME…`
    /// SID), `SM…` otherwise; its segments counted from `body` unless given.
    init(accountSID: String, from: String?, to: String, body: String, status: MessageStatus, direction: MessageDirection,
         mediaURLs: [String] = [], messagingServiceSID: String? = nil, statusCallback: String? = nil,
         segmentCount: Int? = nil, sendAt: Date? = nil, dateSent: Date? = nil, now: Date = Date()) {
        sid = SID.make(mediaURLs.isEmpty ? "SM" : "MM")
        self.accountSID = accountSID
        self.from = from
        self.to = to
        self.body = body
        self.status = status
        self.direction = direction
        self.messagingServiceSID = messagingServiceSID
        media = mediaURLs.map { Media(sid: SID.make("ME"), url: $0) }
        self.statusCallback = statusCallback
        self.segmentCount = segmentCount ?? SMSSegmentation(body).segmentCount
        dateCreated = now
        dateUpdated = now
        self.dateSent = dateSent
        self.sendAt = sendAt
    }

    /// Where the message stands in its lifecycle.
    var lifecycle: MessageLifecycle { MessageLifecycle(status: status, sendAt: sendAt) }

    /// Moves the message on with `event` and applies what the transition calls for: the only
    /// place a message's status changes. `sender` becomes its `from` once it is on its way.
    mutating func handle(_ event: MessageLifecycle.Event, sender: String?, now: Date) -> MessageLifecycle.Action {
        var lifecycle = self.lifecycle
        let action = lifecycle.handle(event)
        guard action.changesMessage else { return action }
        status = lifecycle.status
        dateUpdated = now
        switch action {
        case .assignSender:
            from = from ?? sender
        case .markSent:
            dateSent = now
        case .recordOutcome(let code, let message):
            errorCode = code
            errorMessage = message
        case .ignore, .cancel, .refuseCancel, .markRead:
            break
        }
        return action
    }

    /// Whether the message travels on WhatsApp.
    var isWhatsApp: Bool { to.lowercased().hasPrefix("whatsapp:") }

    /// US price per segment, as Twilio bills SMS; MMS and WhatsApp have their own.
    var price: String? {
        guard dateSent != nil, status != .canceled else { return nil }
        let perMessage: Decimal = if isWhatsApp { Decimal(string: "0.0050") ?? 0 }
            else if !media.isEmpty { Decimal(string: "0.0200") ?? 0 }
            else { (Decimal(string: "0.0079") ?? 0) * Decimal(segmentCount) }
        return "-" + String(format: "%.5f", NSDecimalNumber(decimal: perMessage).doubleValue)
    }

    /// The resource's path below the API's domain.
    var uri: String { "/2010-04-01/Accounts/\(accountSID)/Messages/\(sid).json" }

    /// Twilio's JSON for the resource, every field present.
    var json: SandboxJSON {
        func date(_ value: Date?) -> SandboxJSON { value.map { .string(TwilioDateFormat.rfc2822String(from: $0)) } ?? .null }
        let base = "/2010-04-01/Accounts/\(accountSID)/Messages/\(sid)"
        return .object([
            ("account_sid", .string(accountSID)),
            ("api_version", "2010-04-01"),
            ("body", .string(body)),
            ("date_created", date(dateCreated)),
            ("date_sent", date(dateSent)),
            ("date_updated", date(dateUpdated)),
            ("direction", .string(direction.rawValue)),
            ("error_code", .optional(errorCode)),
            ("error_message", .optional(errorMessage)),
            ("from", .optional(from)),
            ("messaging_service_sid", .optional(messagingServiceSID)),
            ("num_media", .string(String(media.count))),
            ("num_segments", .string(String(messagingServiceSID != nil && from == nil ? 0 : segmentCount))),
            ("price", .optional(price)),
            ("price_unit", "USD"),
            ("sid", .string(sid)),
            ("status", .string(status.rawValue)),
            ("subresource_uris", ["media": .string(base + "/Media.json"), "feedback": .string(base + "/Feedback.json")]),
            ("to", .string(to)),
            ("uri", .string(uri)),
        ])
    }

    /// The JSON of the media item `mediaSID`, if attached.
    func mediaJSON(_ mediaSID: String) -> SandboxJSON? {
        guard let item = media.first(where: { $0.sid == mediaSID }) else { return nil }
        func date(_ value: Date) -> SandboxJSON { .string(TwilioDateFormat.rfc2822String(from: value)) }
        return .object([
            ("account_sid", .string(accountSID)),
            ("content_type", .string(Self.contentType(of: item.url))),
            ("date_created", date(dateCreated)),
            ("date_updated", date(dateUpdated)),
            ("parent_sid", .string(sid)),
            ("sid", .string(mediaSID)),
            ("uri", .string("/2010-04-01/Accounts/\(accountSID)/Messages/\(sid)/Media/\(mediaSID).json")),
        ])
    }

    /// The MIME type a media URL's extension suggests.
    static func contentType(of url: String) -> String {
        let path = url.split(separator: "?").first.map(String.init) ?? url
        switch path.split(separator: ".").last?.lowercased() {
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "mp3": return "audio/mpeg"
        case "mp4": return "video/mp4"
        case "pdf": return "application/pdf"
        case "vcf": return "text/vcard"
        default: return "application/octet-stream"
        }
    }
}
