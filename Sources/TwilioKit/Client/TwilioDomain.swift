/// A Twilio product domain: the first label of `https://<domain>.twilio.com`.
public enum TwilioDomain: String, Sendable, CaseIterable {
    case api
    case lookups
    case verify
    case intelligence
    case content
    case messaging
    case events
}
