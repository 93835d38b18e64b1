/// A template rendered for one channel: the content type sent, and what the Message stores — its
/// body, and the media of a `twilio/media`, `twilio/card` or `whatsapp/card`.
struct RenderedContent: Sendable, Equatable {
    /// The content type the channel carries (`twilio/text`, `whatsapp/card`, …).
    let contentType: String
    let body: String
    let mediaURLs: [String]
}
