/// Why a channel refused a message Twilio had accepted: the message ends `failed` with this error
/// code and message (Twilio's words, from its error catalogue), reported in the status callback.
struct ChannelRefusal: Sendable, Equatable {
    let code: Int
    let message: String

    /// 63016: a free-form WhatsApp message to someone who has not written in 24 hours.
    static let outsideWindow = ChannelRefusal(
        code: 63016,
        message: "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.")
    /// 63007: the `From` is not one of the account's WhatsApp senders.
    static let unknownSender = ChannelRefusal(code: 63007, message: "Twilio could not find a Channel with the specified From address")
    /// 63006: the template has no content type the channel carries.
    static let unformattableContent = ChannelRefusal(
        code: 63006, message: "Could not format given content for the channel. Please see Channel specific error message for more information")
    /// 63040: WhatsApp rejected the template.
    static let templateRejected = ChannelRefusal(code: 63040, message: "Template Rejected")
    /// 63041: WhatsApp paused the template.
    static let templatePaused = ChannelRefusal(code: 63041, message: "Template paused")
    /// 63042: WhatsApp disabled the template.
    static let templateDisabled = ChannelRefusal(code: 63042, message: "Template disabled")
}
