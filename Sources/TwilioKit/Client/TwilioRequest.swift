/// A request to one Twilio operation, before credentials and endpoint are applied.
public struct TwilioRequest: Sendable, Equatable {
    /// The method.
    public var method: HTTPMethod
    /// The product domain.
    public var domain: TwilioDomain
    /// The path below the domain, starting with `/` (`/2010-04-01/Accounts/AC…/Messages.json`).
    public var path: String
    /// The query string's parameters.
    public var query: FormParameters
    /// The form body's parameters (POST only).
    public var form: FormParameters?

    /// Creates a request.
    public init(_ method: HTTPMethod, _ domain: TwilioDomain, _ path: String, query: FormParameters = .init(), form: FormParameters? = nil) {
        self.method = method
        self.domain = domain
        self.path = path
        self.query = query
        self.form = form
    }

    /// Percent-escapes one path segment (a SID or a phone number such as `+14155550100`).
    public static func segment(_ value: String) -> String {
        FormParameters.escape(value)
    }
}
