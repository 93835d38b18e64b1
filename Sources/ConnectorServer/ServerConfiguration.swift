import Foundation

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
    /// The bearer tokens engines and agents authenticate with (several, to rotate them); empty
    /// leaves the routes that are not Twilio's open (only sensible on loopback).
    public var apiTokens: [String]
    /// Timeouts and bounds on clients.
    public var limits: ServerLimits
    /// How `/mcp` behaves.
    public var mcp: MCPSettings
    /// How often to poll Voice Intelligence for completed transcripts (`newTranscript`); `nil`
    /// leaves it to the service's webhook.
    public var transcriptPollInterval: Duration?

    /// The default push retry schedule: ten attempts over about 24 hours, each wait longer.
    public static let standardRetrySchedule = [5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 28_800]

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, maximumBodyBytes: Int = 1 << 20,
                webhooks: WebhookSecurity = WebhookSecurity(), defaultRetrySchedule: [Int] = ServerConfiguration.standardRetrySchedule,
                apiTokens: [String] = [], limits: ServerLimits = ServerLimits(), mcp: MCPSettings = MCPSettings()) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
        self.webhooks = webhooks
        self.defaultRetrySchedule = defaultRetrySchedule
        self.apiTokens = apiTokens
        self.limits = limits
        self.mcp = mcp
    }

    /// Whether the server listens on the loopback interface only, out of reach of other machines.
    public var isLoopback: Bool { Self.isLoopback(host: host) }

    /// Whether `host` names the loopback interface (`127.0.0.1`, `localhost`, `::1`).
    public static func isLoopback(host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
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

/// Timeouts and bounds that keep slow or idle clients from holding the server.
public struct ServerLimits: Sendable {
    /// How long an idle keep-alive connection stays open.
    public var idleTimeout: Duration
    /// How long a client has to send a whole request (headers and body).
    public var readTimeout: Duration
    /// The most connections open at once; further ones wait to be accepted.
    public var maximumConnections: Int
    /// How long requests in flight may take to finish once shutdown starts.
    public var shutdownGrace: Duration

    /// Creates limits.
    public init(idleTimeout: Duration = .seconds(60), readTimeout: Duration = .seconds(10), maximumConnections: Int = 1024,
                shutdownGrace: Duration = .seconds(10)) {
        self.idleTimeout = idleTimeout
        self.readTimeout = readTimeout
        self.maximumConnections = maximumConnections
        self.shutdownGrace = shutdownGrace
    }
}
