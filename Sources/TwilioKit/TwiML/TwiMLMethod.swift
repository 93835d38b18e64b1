extension TwiML {
    /// The HTTP method Twilio uses to request a TwiML `action`, `url` or callback.
    public enum Method: String, Sendable, Equatable, CaseIterable {
        /// `GET`, parameters in the query string.
        case get = "GET"
        /// `POST`, parameters form-encoded in the body; Twilio's default everywhere.
        case post = "POST"
    }
}
