import Hummingbird
import TwilioKit

/// The Twilio API a route belongs to: it decides where the caller's account is read and how a
/// list pages.
enum TwilioAPI: Sendable {
    /// API v2010 (`/2010-04-01/Accounts/{AccountSid}/…`): the account in the path must be the
    /// caller's; a list's page links are relative to the domain.
    case v2010
    /// A v1 or v2 API on `domain` (`messaging`, `verify`, `intelligence`, `content`, `lookups`):
    /// the account is the caller's; a list's page has a `meta` block of absolute links back to the
    /// sandbox.
    case versioned(domain: String)
    /// The sandbox's own `/sandbox/…` routes: the account is the caller's.
    case inspection

    /// Messaging v1 (`messaging.twilio.com`).
    static let messaging = TwilioAPI.versioned(domain: "messaging")
    /// Verify v2 (`verify.twilio.com`).
    static let verify = TwilioAPI.versioned(domain: "verify")
    /// Voice Intelligence v2 (`intelligence.twilio.com`).
    static let intelligence = TwilioAPI.versioned(domain: "intelligence")
    /// Content v1 (`content.twilio.com`).
    static let content = TwilioAPI.versioned(domain: "content")

    /// The account the request acts for.
    func account(of context: SandboxRequestContext) throws -> String {
        switch self {
        case .v2010: try context.pathAccount()
        case .versioned, .inspection: try context.account
        }
    }

    /// A page of `items` under `key`, for the list at `path` (below the domain), read from `query`
    /// (the request's by default).
    func page(_ items: [SandboxJSON], key: String, path: String, request: Request,
              query: FormParameters? = nil) throws(SandboxError) -> Response {
        let query = query ?? request.query
        let page = try PageRequest(query)
        switch self {
        case .v2010, .inspection:
            return SandboxResponse.json(page.v2010Page(items, key: key, path: path, query: query))
        case .versioned(let domain):
            return SandboxResponse.json(page.metaPage(items, key: key, origin: request.sandboxOrigin(domain), path: path, query: query))
        }
    }
}
