import TwilioKit

/// The channel a template is sent on, and the content types it can carry, richest first: Twilio
/// sends "the most complex translation that the chosen channel supports" (Content types
/// overview, channel support table).
enum ContentChannel: String, Sendable {
    /// SMS and MMS to a phone number: `twilio/media` goes as MMS, `twilio/text` as SMS.
    case sms
    case whatsapp
    case messenger
    case rcs

    /// The channel of a message to `recipient`; `nil` for addresses no template reaches
    /// (`client:`, `sip:`).
    init?(recipient: String) {
        switch try? ChannelAddress(recipient) {
        case .phoneNumber?: self = .sms
        case .whatsApp?: self = .whatsapp
        case .messenger?: self = .messenger
        case .rcs?, .rcsAgent?: self = .rcs
        default: return nil
        }
    }

    /// The content types the channel carries, the richest first.
    var supportedTypes: [String] {
        switch self {
        case .sms:
            ["twilio/media", "twilio/text"]
        case .whatsapp:
            ["whatsapp/authentication", "whatsapp/flows", "twilio/flows", "twilio/carousel", "twilio/catalog", "whatsapp/card",
             "twilio/card", "twilio/list-picker", "twilio/call-to-action", "twilio/quick-reply", "twilio/location",
             "twilio/media", "twilio/text"]
        case .messenger:
            ["twilio/card", "twilio/call-to-action", "twilio/quick-reply", "twilio/media", "twilio/text"]
        case .rcs:
            ["twilio/carousel", "twilio/card", "twilio/media", "twilio/text"]
        }
    }

    /// The type of `types` (a template's content types) this channel sends; `nil` when it can
    /// carry none of them.
    func pick(from types: [String]) -> String? {
        supportedTypes.first(where: types.contains)
    }
}
