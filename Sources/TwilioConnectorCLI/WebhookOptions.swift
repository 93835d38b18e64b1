import ArgumentParser
import ConnectorServer
import Foundation
import TwilioKit

/// How `serve` authenticates Twilio's requests and which URL Twilio uses to reach it.
struct WebhookOptions: ParsableArguments {
    @Option(name: .customLong("public-url"),
            help: "The connector's public base URL as Twilio reaches it, e.g. https://hooks.example.com (also TWILIO_CONNECTOR_PUBLIC_URL).")
    var publicURL: String?

    @Flag(name: .customLong("trust-forwarded-headers"),
          help: "Take the URL Twilio used from X-Forwarded-Proto/X-Forwarded-Host (only behind a proxy that sets them).")
    var trustForwardedHeaders = false

    @Option(name: .customLong("webhook-auth-token"),
            help: "The Auth Token that signs Twilio's webhooks, when the connection uses an API key.")
    var webhookAuthToken: String?

    @Option(name: .customLong("webhook-shared-key"), parsing: .singleValue,
            help: "A webhook SharedKey as ID=SECRET (repeat to rotate keys without downtime).")
    var sharedKeys: [String] = []

    func validate() throws {
        try PublicURL.validate(resolvedPublicURL)
        for key in sharedKeys where !key.contains("=") || key.hasPrefix("=") || key.hasSuffix("=") {
            throw ValidationError("--webhook-shared-key must be ID=SECRET")
        }
    }

    /// The public URL: the option or the environment.
    var resolvedPublicURL: String? { PublicURL.resolve(publicURL) }

    /// The secrets these options hold, for the log redactor.
    var secrets: [String] {
        [webhookAuthToken].compactMap { $0 } + sharedKeys.compactMap { $0.split(separator: "=", maxSplits: 1).last.map(String.init) }
    }

    /// The settings for a connection whose Auth Token (if it has one) is `authToken`.
    func security(authToken: String?, publicURL fallback: String?) -> WebhookSecurity {
        let keys = Dictionary(sharedKeys.map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        }, uniquingKeysWith: { _, last in last })
        return WebhookSecurity(publicURL: resolvedPublicURL ?? fallback, trustForwardedHeaders: trustForwardedHeaders,
                               authToken: webhookAuthToken ?? authToken, sharedKeys: keys)
    }
}
