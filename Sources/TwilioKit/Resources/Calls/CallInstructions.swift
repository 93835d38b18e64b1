/// What Twilio does once a new call connects: fetch TwiML from a URL, run inline TwiML, or hand
/// the call to an Application.
public enum CallInstructions: Sendable, Equatable {
    /// Fetch TwiML from this absolute URL (`Url`), with `method` (`Method`; Twilio's default is POST).
    case url(String, method: HTTPMethod? = nil)
    /// Run these TwiML instructions (`Twiml`, at most 4000 characters).
    case twiml(String)
    /// Let an Application (`ApplicationSid`, `AP…`) handle the call.
    case application(sid: String)

    /// Adds the instructions' parameters to `form`.
    func add(to form: inout FormParameters) {
        switch self {
        case .url(let url, let method):
            form.add("Url", url)
            form.add("Method", method)
        case .twiml(let twiml):
            form.add("Twiml", twiml)
        case .application(let sid):
            form.add("ApplicationSid", sid)
        }
    }
}
