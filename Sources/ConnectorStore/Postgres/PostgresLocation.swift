import Foundation

/// Where a PostgreSQL store lives, read from a `postgres://user:password@host:port/database` URL
/// (`postgresql://` too). Query parameters: `sslmode` (`disable`, `prefer` — the default — or
/// `require`) and `schema` (default `public`; created when missing), so that several connectors —
/// or tests — can share one database. The password never appears in ``description``, nor in
/// anything passed through ``redact(_:)``.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is secured.
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain connections.
        case disable
        /// TLS when the server offers it.
        case prefer
        /// TLS or no connection.
        case require
    }

    /// The server's host name or address.
    public let host: String
    /// The server's port (5432 unless given).
    public let port: Int
    /// The user connecting.
    public let username: String
    /// The password, if any: never print it.
    public let password: String?
    /// The database (the user's name unless given).
    public let database: String
    /// Where the store's tables live: a lowercase identifier.
    public let schema: String
    /// Whether the connection is encrypted: `sslmode`.
    public let tls: TLSMode

    /// Whether `text` names a PostgreSQL store rather than a SQLite file.
    public static func isPostgresURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Reads a URL; the error never contains the password.
    public init(url text: String) throws(StoreError) {
        let redactedInput = Self.redactURLText(text)
        guard Self.isPostgresURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw StoreError("\(redactedInput) is not a postgres://user:password@host:port/database URL")
        }
        guard let username = components.user.flatMap({ $0.removingPercentEncoding }), !username.isEmpty else {
            throw StoreError("\(redactedInput) names no user (postgres://user:password@host/database)")
        }
        self.host = host
        port = components.port ?? 5432
        self.username = username
        password = components.password.flatMap { $0.removingPercentEncoding }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? username
        var schema = "public"
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "schema":
                schema = item.value ?? ""
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw StoreError("\(redactedInput): sslmode must be disable, prefer or require")
                }
                tls = mode
            default:
                throw StoreError("\(redactedInput): \(item.name) is not a parameter of the store's URL (sslmode, schema)")
            }
        }
        guard schema.count <= 40, let first = schema.first, first == "_" || ("a"..."z").contains(first),
              schema.allSatisfy({ $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
            throw StoreError("\(redactedInput): schema must be a lowercase identifier of at most 40 characters")
        }
        self.schema = schema
        self.tls = tls
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        var text = "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
        var parameters: [String] = []
        if schema != "public" { parameters.append("schema=\(schema)") }
        if tls != .prefer { parameters.append("sslmode=\(tls.rawValue)") }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }

    /// `text` with every occurrence of the password (as given and percent-encoded) replaced by `***`.
    public func redact(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        var redacted = text.replacingOccurrences(of: password, with: "***")
        if let encoded = password.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed), encoded != password {
            redacted = redacted.replacingOccurrences(of: encoded, with: "***")
        }
        return redacted
    }

    /// A URL-ish text with whatever stands between `user:` and `@` replaced, for errors about
    /// text that could not be parsed.
    static func redactURLText(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
              scheme.upperBound < at.lowerBound else { return text }
        let credentials = text[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<credentials.index(after: colon)]) + "***" + String(text[at.lowerBound...])
    }
}
