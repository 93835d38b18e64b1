/// Where a call's next TwiML document comes from: a URL fetched with a method, or inline TwiML.
enum TwiMLSource: Codable, Sendable, Equatable {
    /// Fetch the document from `url` with `method` (`GET` or `POST`), adding `parameters` to the
    /// voice request's own (an action's `Digits`, `RecordingUrl`, …).
    case url(String, method: String, parameters: [Parameter] = [])
    /// A document given inline (`Twiml`).
    case inline(String)

    /// A request parameter added to the standard voice parameters.
    struct Parameter: Codable, Sendable, Equatable {
        let name: String
        let value: String
    }

    /// `url` with the extra parameters given as pairs.
    static func url(_ url: String, method: String, adding pairs: [(String, String)]) -> TwiMLSource {
        .url(url, method: method, parameters: pairs.map { Parameter(name: $0.0, value: $0.1) })
    }
}
