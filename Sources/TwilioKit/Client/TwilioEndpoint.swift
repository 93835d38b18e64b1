/// Where requests go: Twilio's public hosts (optionally a region and edge, rewritten exactly as
/// the official SDKs do), or a single base URL that serves every domain under its own prefix
/// (`http://127.0.0.1:4010/api/2010-04-01/…`), which is the sandbox's layout.
public enum TwilioEndpoint: Sendable, Equatable {
    /// `https://<domain>[.<edge>][.<region>].twilio.com`.
    case twilio(region: String? = nil, edge: String? = nil)
    /// `<baseURL>/<domain>`, for the sandbox or a recording proxy.
    case baseURL(String)

    /// The URL prefix of `domain`, without a trailing slash.
    public func origin(of domain: TwilioDomain) -> String {
        switch self {
        case .twilio(let region, let edge):
            // twilio-python `Client.get_hostname`: an edge alone implies region us1.
            let effectiveRegion = region ?? (edge == nil ? nil : "us1")
            let labels = [domain.rawValue, edge, effectiveRegion, "twilio", "com"].compactMap { $0 }
            return "https://" + labels.joined(separator: ".")
        case .baseURL(let base):
            let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
            return trimmed + "/" + domain.rawValue
        }
    }
}
