import NIOCore
import NIOHTTP1

/// Where connections go: a host and port, over TLS or not. Each has its own pool of connections.
public struct HTTPEndpoint: Hashable, Sendable {
    /// Whether connections are made over TLS (`https`).
    public var usesTLS: Bool
    /// The host name or IP address (an IPv6 address without its brackets).
    public var host: String
    /// The TCP port.
    public var port: Int
}

/// An absolute `http` or `https` URL taken apart for sending: its endpoint, and what the request
/// line and `Host` header carry.
struct HTTPTarget: Sendable {
    let endpoint: HTTPEndpoint
    /// The authority as the URL writes it (`host`, or `host:port`), for the `Host` header.
    let authority: String
    /// The path and query, `/` when the URL has neither.
    let pathAndQuery: String

    /// Parses `url`; `nil` when it is not one this client can send: another scheme, user
    /// information, no host, a port out of range, or a byte the request line cannot carry.
    init?(url: String) {
        guard let separator = url.firstRange(of: "://") else { return nil }
        let usesTLS: Bool
        switch url[..<separator.lowerBound].lowercased() {
        case "https": usesTLS = true
        case "http": usesTLS = false
        default: return nil
        }
        let rest = url[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var pathAndQuery = rest[authorityEnd...]
        if let fragment = pathAndQuery.firstIndex(of: "#") { pathAndQuery = pathAndQuery[..<fragment] }
        guard !authority.contains("@"), Self.isPrintableASCII(authority), Self.isPrintableASCII(pathAndQuery),
              let (host, port) = Self.hostAndPort(of: authority, defaultPort: usesTLS ? 443 : 80)
        else { return nil }
        endpoint = HTTPEndpoint(usesTLS: usesTLS, host: String(host), port: port)
        self.authority = String(authority)
        self.pathAndQuery = pathAndQuery.isEmpty ? "/" : pathAndQuery.first == "?" ? "/" + pathAndQuery : String(pathAndQuery)
    }

    /// The request's head: `headers` as given, plus `Host` and the body's `Content-Length` unless
    /// they are among them (a POST with no body says `0`).
    func requestHead(method: HTTPMethod, headers: [(name: String, value: String)], bodyLength: Int?) -> HTTPRequestHead {
        var fields = HTTPHeaders(headers)
        if !fields.contains(name: "Host") { fields.add(name: "Host", value: authority) }
        if !fields.contains(name: "Content-Length"), let length = bodyLength ?? (method == .post ? 0 : nil) {
            fields.add(name: "Content-Length", value: String(length))
        }
        return HTTPRequestHead(version: .http1_1, method: NIOHTTP1.HTTPMethod(rawValue: method.rawValue), uri: pathAndQuery, headers: fields)
    }

    private static func hostAndPort(of authority: Substring, defaultPort: Int) -> (Substring, Int)? {
        let host: Substring
        let port: Substring?
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.first == ":" else { return nil }
            port = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.firstIndex(of: ":") {
            (host, port) = (authority[..<colon], authority[authority.index(after: colon)...])
        } else {
            (host, port) = (authority, nil)
        }
        guard !host.isEmpty else { return nil }
        guard let port else { return (host, defaultPort) }
        guard let number = Int(port), (1...65_535).contains(number) else { return nil }
        return (host, number)
    }

    private static func isPrintableASCII(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
