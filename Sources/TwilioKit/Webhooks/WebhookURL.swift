/// A URL string split into the parts that webhook signature validation rewrites.
///
/// Unlike `Foundation.URL`, nothing is re-encoded or normalised: `string` reproduces the input
/// exactly, so the signature of the URL as written can always be checked.
struct WebhookURL {
    /// The scheme as written, e.g. `https`.
    var scheme: String
    /// The user information before `@`, if any.
    var userInfo: String?
    /// The host as written; IPv6 literals keep their brackets.
    var host: String
    /// The digits after the host's `:`, if a port separator is present.
    var port: String?
    /// The path, possibly empty.
    var path: String
    /// The query string without its leading `?`, if a `?` is present.
    var query: String?
    /// The fragment without its leading `#`, if a `#` is present.
    var fragment: String?

    /// Splits an absolute `scheme://authority/path?query#fragment` URL; `nil` if `string` has no `://`.
    init?(_ string: String) {
        guard let schemeEnd = string.range(of: "://"), schemeEnd.lowerBound > string.startIndex else { return nil }
        scheme = String(string[..<schemeEnd.lowerBound])
        let afterScheme = string[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        var hostAndPort = afterScheme[..<authorityEnd]
        if let at = hostAndPort.lastIndex(of: "@") {
            userInfo = String(hostAndPort[..<at])
            hostAndPort = hostAndPort[hostAndPort.index(after: at)...]
        }
        let hostEnd = hostAndPort.hasPrefix("[") ? hostAndPort.firstIndex(of: "]").map(hostAndPort.index(after:)) : nil
        if let colon = hostAndPort[(hostEnd ?? hostAndPort.startIndex)...].lastIndex(of: ":") {
            host = String(hostAndPort[..<colon])
            port = String(hostAndPort[hostAndPort.index(after: colon)...])
        } else {
            host = String(hostAndPort)
        }
        var rest = afterScheme[authorityEnd...]
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        path = String(rest)
    }

    /// The URL reassembled from its parts.
    var string: String {
        var result = scheme + "://"
        if let userInfo { result += userInfo + "@" }
        result += host
        if let port { result += ":" + port }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// The URL without any port, as the SDKs' `remove_port`/`removePort` produce it.
    var withoutPort: WebhookURL {
        var copy = self
        copy.port = nil
        return copy
    }

    /// The URL with the scheme's default port (443 for `https`, 80 otherwise) when it has no
    /// port of its own, as the SDKs' `add_port`/`addPort` produce it.
    var withDefaultPort: WebhookURL {
        guard port?.isEmpty ?? true else { return self }
        var copy = self
        copy.port = scheme.lowercased() == "https" ? "443" : "80"
        return copy
    }

    /// The decoded value of the first query parameter called `name`, if any.
    func firstQueryValue(named name: String) -> String? {
        query.flatMap { FormURLEncoding.decode($0).first { $0.0 == name }?.1 }
    }
}
