/// How the connector's HTTP server runs.
public struct ServerConfiguration: Sendable {
    /// The interface to listen on.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The largest request body accepted, in bytes (larger ones get 413).
    public var maximumBodyBytes: Int
    /// How Twilio's requests are authenticated.
    public var webhooks: WebhookSecurity
    /// Seconds between a push delivery's attempts; the delivery fails after the last. Used when a
    /// subscription names no schedule of its own.
    public var defaultRetrySchedule: [Int]
    /// The API tokens callers of the server's own routes present as `Authorization: Bearer <token>`
    /// (several, to rotate them); empty when none is configured.
    public var apiTokens: [String]
    /// How `/mcp` behaves.
    public var mcp: MCPSettings

    /// The default push retry schedule: ten attempts over about 24 hours, each wait longer.
    public static let standardRetrySchedule = [5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 28_800]

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, maximumBodyBytes: Int = 1 << 20,
                webhooks: WebhookSecurity = WebhookSecurity(), defaultRetrySchedule: [Int] = ServerConfiguration.standardRetrySchedule,
                apiTokens: [String] = [], mcp: MCPSettings = MCPSettings()) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
        self.webhooks = webhooks
        self.defaultRetrySchedule = defaultRetrySchedule
        self.apiTokens = apiTokens
        self.mcp = mcp
    }
}

/// How requests from Twilio (`/webhooks/twilio/…`, `/streams/…`) are authenticated: by their
/// signature over the URL Twilio used, fail-closed.
public struct WebhookSecurity: Sendable {
    /// The connector's public base URL as Twilio sees it (`https://hooks.example.com`); `nil` takes
    /// the scheme and host of each request (or, with ``trustForwardedHeaders``, of its
    /// `X-Forwarded-Proto` and `X-Forwarded-Host`).
    public var publicURL: String?
    /// Whether `X-Forwarded-Proto`/`X-Forwarded-Host` say which URL Twilio used (behind a proxy
    /// that sets them; never otherwise, since any caller can send them).
    public var trustForwardedHeaders: Bool
    /// The Auth Token that signs `X-Twilio-Signature`; `nil` refuses every request signed with it.
    public var authToken: String?
    /// SharedKey id → secret, for webhooks signed under Twilio's webhook signature settings.
    public var sharedKeys: [String: String]

    /// Creates settings.
    public init(publicURL: String? = nil, trustForwardedHeaders: Bool = false, authToken: String? = nil, sharedKeys: [String: String] = [:]) {
        self.publicURL = publicURL
        self.trustForwardedHeaders = trustForwardedHeaders
        self.authToken = authToken
        self.sharedKeys = sharedKeys
    }
}
