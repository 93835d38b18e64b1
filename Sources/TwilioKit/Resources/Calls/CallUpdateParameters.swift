/// Every parameter of UpdateCall (`POST /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json`):
/// redirect a live call to new TwiML, hang it up, or change its callbacks and time limit.
public struct CallUpdateParameters: Sendable, Equatable {
    /// New instructions for the live call (`Url`/`Method` or `Twiml`).
    public var redirect: Redirect?
    /// `canceled` hangs up a queued or ringing call; `completed` hangs up a call in progress.
    public var status: Status?
    /// Called with ``fallbackMethod`` when fetching or running the new TwiML fails.
    public var fallbackURL: String?
    /// The method for ``fallbackURL`` (POST by default).
    public var fallbackMethod: HTTPMethod?
    /// Where Twilio sends call progress events.
    public var statusCallback: String?
    /// The method for ``statusCallback`` (POST by default).
    public var statusCallbackMethod: HTTPMethod?
    /// The longest the call may last, in seconds.
    public var timeLimit: Int?

    /// Creates update parameters; unset ones are left unchanged.
    public init(
        redirect: Redirect? = nil, status: Status? = nil, fallbackURL: String? = nil, fallbackMethod: HTTPMethod? = nil,
        statusCallback: String? = nil, statusCallbackMethod: HTTPMethod? = nil, timeLimit: Int? = nil
    ) {
        self.redirect = redirect
        self.status = status
        self.fallbackURL = fallbackURL
        self.fallbackMethod = fallbackMethod
        self.statusCallback = statusCallback
        self.statusCallbackMethod = statusCallbackMethod
        self.timeLimit = timeLimit
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        switch redirect {
        case .url(let url, let method)?:
            form.add("Url", url)
            form.add("Method", method)
        case .twiml(let twiml)?:
            form.add("Twiml", twiml)
        case nil:
            break
        }
        form.add("Status", status)
        form.add("FallbackUrl", fallbackURL)
        form.add("FallbackMethod", fallbackMethod)
        form.add("StatusCallback", statusCallback)
        form.add("StatusCallbackMethod", statusCallbackMethod)
        form.add("TimeLimit", timeLimit)
        return form
    }

    /// New instructions for a live call.
    public enum Redirect: Sendable, Equatable {
        /// Fetch TwiML from this absolute URL (`Url`), with `method` (`Method`; POST by default).
        case url(String, method: HTTPMethod? = nil)
        /// Run these TwiML instructions (`Twiml`, at most 4000 characters).
        case twiml(String)
    }

    /// The status a call can be set to, which ends it.
    public enum Status: String, Sendable, CaseIterable {
        /// Hang up a queued or ringing call.
        case canceled
        /// Hang up a call in progress.
        case completed
    }
}
