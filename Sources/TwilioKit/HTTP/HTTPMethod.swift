/// The HTTP methods Twilio's REST APIs use.
public enum HTTPMethod: String, Sendable, Equatable, CaseIterable {
    case get = "GET"
    case post = "POST"
    case delete = "DELETE"

    /// Whether repeating the request cannot change anything on Twilio's side.
    public var isIdempotent: Bool { self != .post }
}
