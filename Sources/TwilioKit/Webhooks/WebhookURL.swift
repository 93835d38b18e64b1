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
    /// The delimiters are ASCII: found among the UTF-8 bytes, they split the string on scalar
    /// boundaries (and as the SDKs split code points).
    init?(_ string: String) {
        let utf8 = string.utf8
        let slash = UInt8(ascii: "/"), question = UInt8(ascii: "?"), hash = UInt8(ascii: "#")
        guard let colon = utf8.indices.first(where: { index in
            utf8[index] == UInt8(ascii: ":") && utf8[index...].starts(with: "://".utf8)
        }), colon > utf8.startIndex else { return nil }
        scheme = String(string[..<colon])
        let afterScheme = utf8.index(colon, offsetBy: 3)
        let authorityEnd = utf8[afterScheme...].firstIndex { $0 == slash || $0 == question || $0 == hash } ?? utf8.endIndex
        var hostStart = afterScheme
        if let at = utf8[afterScheme..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) {
            userInfo = String(string[afterScheme..<at])
            hostStart = utf8.index(after: at)
        }
        let hostAndPort = utf8[hostStart..<authorityEnd]
        let bracketEnd = hostAndPort.first == UInt8(ascii: "[") ? hostAndPort.firstIndex(of: UInt8(ascii: "]")).map(utf8.index(after:)) : nil
        if let portColon = utf8[(bracketEnd ?? hostStart)..<authorityEnd].lastIndex(of: UInt8(ascii: ":")) {
            host = String(string[hostStart..<portColon])
            port = String(string[utf8.index(after: portColon)..<authorityEnd])
        } else {
            host = String(string[hostStart..<authorityEnd])
        }
        var restEnd = utf8.endIndex
        if let fragmentStart = utf8[authorityEnd...].firstIndex(of: hash) {
            fragment = String(string[utf8.index(after: fragmentStart)...])
            restEnd = fragmentStart
        }
        if let queryStart = utf8[authorityEnd..<restEnd].firstIndex(of: question) {
            query = String(string[utf8.index(after: queryStart)..<restEnd])
            restEnd = queryStart
        }
        path = String(string[authorityEnd..<restEnd])
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
