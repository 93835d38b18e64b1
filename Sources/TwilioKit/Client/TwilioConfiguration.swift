import Foundation

/// Everything a ``TwilioClient`` needs besides its transport.
public struct TwilioConfiguration: Sendable {
    /// Who the client is.
    public var credentials: TwilioCredentials
    /// Where requests go.
    public var endpoint: TwilioEndpoint
    /// The longest one HTTP attempt may take, from connecting to the last byte of the answer.
    public var timeout: Duration
    /// When and how failed requests are tried again.
    public var retryPolicy: RetryPolicy
    /// The `User-Agent` header sent with every request.
    public var userAgent: String

    /// Creates a configuration; the defaults match the official SDKs' behaviour.
    public init(
        credentials: TwilioCredentials,
        endpoint: TwilioEndpoint = .twilio(),
        timeout: Duration = .seconds(30),
        retryPolicy: RetryPolicy = .default,
        userAgent: String = "twilio-connector-swift/1.0"
    ) {
        self.credentials = credentials
        self.endpoint = endpoint
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.userAgent = userAgent
    }

    /// Reads the configuration from environment variables, as the official SDKs and the Twilio CLI
    /// do: `TWILIO_ACCOUNT_SID` with `TWILIO_AUTH_TOKEN`, or with `TWILIO_API_KEY` and
    /// `TWILIO_API_SECRET`; `TWILIO_REGION` and `TWILIO_EDGE`; and `TWILIO_BASE_URL`, which sends
    /// every domain to `<base>/<domain>/…` (the sandbox's layout).
    /// - Returns: `nil` when no credentials are set at all.
    /// - Throws: ``TwilioConfigurationError`` when they are set but incomplete or malformed.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(TwilioConfigurationError) -> TwilioConfiguration? {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        let accountSID = value("TWILIO_ACCOUNT_SID")
        let authToken = value("TWILIO_AUTH_TOKEN")
        let apiKey = value("TWILIO_API_KEY")
        let apiSecret = value("TWILIO_API_SECRET")
        if accountSID == nil, authToken == nil, apiKey == nil, apiSecret == nil { return nil }

        guard let accountSID else { throw .missing("TWILIO_ACCOUNT_SID") }
        guard accountSID.hasPrefix("AC") else {
            throw .malformed("TWILIO_ACCOUNT_SID", rule: "an Account SID starts with AC")
        }
        let credentials: TwilioCredentials
        switch (apiKey, apiSecret, authToken) {
        case let (key?, secret?, _):
            guard key.hasPrefix("SK") else {
                throw .malformed("TWILIO_API_KEY", rule: "an API Key SID starts with SK")
            }
            credentials = .apiKey(key, secret: secret, accountSID: accountSID)
        case (_?, nil, _):
            throw .missing("TWILIO_API_SECRET")
        case (nil, _?, _):
            throw .missing("TWILIO_API_KEY")
        case let (nil, nil, token?):
            credentials = .authToken(accountSID: accountSID, authToken: token)
        case (nil, nil, nil):
            throw .missing("TWILIO_AUTH_TOKEN")
        }

        let endpoint: TwilioEndpoint
        if let base = value("TWILIO_BASE_URL") {
            guard let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw .malformed("TWILIO_BASE_URL", rule: "must be an http:// or https:// URL such as http://127.0.0.1:4010")
            }
            endpoint = .baseURL(base)
        } else {
            endpoint = .twilio(region: value("TWILIO_REGION"), edge: value("TWILIO_EDGE"))
        }
        return TwilioConfiguration(credentials: credentials, endpoint: endpoint)
    }
}

/// Credentials in the environment that cannot be used, with the variable and the rule.
public enum TwilioConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A variable that the others require is not set.
    case missing(String)
    /// A variable is set to a value that breaks `rule`.
    case malformed(String, rule: String)

    public var description: String {
        switch self {
        case .missing(let name): "\(name) is not set, but the other Twilio credentials are"
        case .malformed(let name, let rule): "\(name) is malformed: \(rule)"
        }
    }
}
