import TwilioKit

/// The answer to a custom request: its HTTP status and body.
struct RawResponse: Sendable {
    /// The HTTP status.
    let status: Int
    /// The body: its JSON, `null` when empty, or its text when it is not JSON.
    let body: JSONValue
}
