/// Where an outbound message's content came from, which decides what the channel asks of it: a
/// WhatsApp free-form message needs an open 24-hour window, a template its approval.
enum MessageContentSource: Codable, Sendable, Equatable {
    /// `Body` and `MediaUrl` written by the sender.
    case freeForm
    /// A Content template (`ContentSid`), rendered as `contentType`; `nil` when the recipient's
    /// channel carries none of its types.
    case template(sid: String, contentType: String?)
    /// Text Twilio itself writes (a Verify code), on Twilio's own approved templates.
    case twilioService
}
