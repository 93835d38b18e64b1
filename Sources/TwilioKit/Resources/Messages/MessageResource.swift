import Foundation

/// A Message resource (API v2010), as Twilio returns it.
public struct Message: Codable, Sendable, Equatable {
    /// `SM…` or `MM…`.
    public var sid: String?
    public var accountSid: String?
    public var messagingServiceSid: String?
    /// The sender: a phone number, short code, alphanumeric ID or channel address.
    public var from: String?
    /// The recipient: a phone number or channel address.
    public var to: String?
    /// The text; empty once redacted.
    public var body: String?
    public var status: MessageStatus?
    public var direction: MessageDirection?
    /// The number of segments, as Twilio sends it (a string).
    public var numSegments: String?
    /// The number of media files, as Twilio sends it (a string).
    public var numMedia: String?
    /// The price, as Twilio sends it (a string such as `-0.00750`), in ``priceUnit``.
    public var price: String?
    /// An ISO 4217 currency code.
    public var priceUnit: String?
    public var errorCode: Int?
    public var errorMessage: String?
    public var dateCreated: Date?
    public var dateUpdated: Date?
    public var dateSent: Date?
    public var apiVersion: String?
    public var uri: String?
    public var subresourceUris: [String: String]?

    /// ``numSegments`` as a number.
    public var segmentCount: Int? { numSegments.flatMap { Int($0) } }
    /// ``numMedia`` as a number.
    public var mediaCount: Int? { numMedia.flatMap { Int($0) } }
    /// ``price`` as an exact decimal.
    public var priceAmount: Decimal? { price.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }
}

/// A message's delivery status.
public enum MessageStatus: String, TwilioEnum {
    case queued, sending, sent, failed, delivered, undelivered, receiving, received, accepted, scheduled, read, canceled
    case partiallyDelivered = "partially_delivered"
    /// A status this library does not know yet.
    case unknown
}

/// Whether a message was received or sent, and how.
public enum MessageDirection: String, TwilioEnum {
    case inbound
    case outboundAPI = "outbound-api"
    case outboundCall = "outbound-call"
    case outboundReply = "outbound-reply"
    /// A direction this library does not know yet.
    case unknown
}

extension Message: TwilioFieldsDecodable {
    init(twilioFields fields: inout TwilioFieldReader) {
        self.init(sid: fields.string("sid"), accountSid: fields.string("account_sid"), messagingServiceSid: fields.string("messaging_service_sid"),
                  from: fields.string("from"), to: fields.string("to"), body: fields.string("body"), status: fields.value("status"),
                  direction: fields.value("direction"), numSegments: fields.string("num_segments"), numMedia: fields.string("num_media"),
                  price: fields.string("price"), priceUnit: fields.string("price_unit"), errorCode: fields.integer("error_code"),
                  errorMessage: fields.string("error_message"), dateCreated: fields.date("date_created"),
                  dateUpdated: fields.date("date_updated"), dateSent: fields.date("date_sent"), apiVersion: fields.string("api_version"),
                  uri: fields.string("uri"), subresourceUris: fields.strings("subresource_uris"))
    }
}

extension Message: TwilioFieldsEncodable {
    func encodeFields(into fields: inout TwilioFieldWriter) {
        fields.write("sid", sid)
        fields.write("accountSid", accountSid)
        fields.write("messagingServiceSid", messagingServiceSid)
        fields.write("from", from)
        fields.write("to", to)
        fields.write("body", body)
        fields.write("status", status)
        fields.write("direction", direction)
        fields.write("numSegments", numSegments)
        fields.write("numMedia", numMedia)
        fields.write("price", price)
        fields.write("priceUnit", priceUnit)
        fields.write("errorCode", errorCode)
        fields.write("errorMessage", errorMessage)
        fields.write("dateCreated", dateCreated)
        fields.write("dateUpdated", dateUpdated)
        fields.write("dateSent", dateSent)
        fields.write("apiVersion", apiVersion)
        fields.write("uri", uri)
        fields.write("subresourceUris", subresourceUris)
    }
}
