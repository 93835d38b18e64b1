import ArgumentParser
import Foundation

/// The connector's public base URL as Twilio reaches it: `--public-url` or
/// `TWILIO_CONNECTOR_PUBLIC_URL`, an http(s) URL with no query.
enum PublicURL {
    /// The option, or the environment.
    static func resolve(_ option: String?) -> String? {
        option ?? ProcessInfo.processInfo.environment["TWILIO_CONNECTOR_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Refuses a URL that is not http(s) with a host and no query or fragment.
    static func validate(_ url: String?) throws {
        guard let url else { return }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil,
              parsed.query == nil, parsed.fragment == nil else {
            throw ValidationError("--public-url must be an http:// or https:// URL with no query, such as https://hooks.example.com")
        }
    }
}
