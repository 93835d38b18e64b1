/// The spellings of a webhook URL whose signatures the official SDKs accept.
///
/// Twilio's signature generation is not consistent about ports and query encoding, so the SDKs
/// check several spellings of the URL:
/// - twilio-python and twilio-go: the URL as written, with any port removed and with the default
///   port added when it has none;
/// - twilio-node: the same after a WHATWG URL parser re-serialised it (which percent-encodes
///   characters such as `'` in the query), and after its legacy `querystring` module re-encoded
///   the query (which decodes `%27` back to `'` and `+` to `%20`).
enum WebhookURLVariants {
    /// Every distinct URL spelling to check, the URL as written first.
    static func candidates(for url: String) -> [String] {
        guard let parsed = WebhookURL(url) else { return [url] }
        var result = [url]
        let normalised = whatwgSerialised(parsed)
        for base in [parsed, normalised, withLegacyQuery(normalised)] {
            for variant in [base.withoutPort.string, base.withDefaultPort.string]
            where !result.contains(where: { $0.utf8.elementsEqual(variant.utf8) }) {
                result.append(variant)
            }
        }
        return result
    }

    /// The subset of WHATWG URL serialisation that affects signatures: lowercase scheme and host,
    /// `/` for an empty http(s) path, and percent-encoding of the characters the URL Standard
    /// encodes in paths, queries and fragments.
    static func whatwgSerialised(_ url: WebhookURL) -> WebhookURL {
        var copy = url
        copy.scheme = url.scheme.lowercased()
        copy.host = url.host.lowercased()
        let path = url.path.isEmpty && ["http", "https"].contains(copy.scheme) ? "/" : url.path
        copy.path = percentEncode(path, extraBytes: Array(#"" <>`{}"#.utf8))
        copy.query = url.query.map { percentEncode($0, extraBytes: Array(#"" <>'#"#.utf8)) }
        copy.fragment = url.fragment.map { percentEncode($0, extraBytes: Array(#"" <>`"#.utf8)) }
        return copy
    }

    /// The URL with its query decoded and re-encoded the way Node's `querystring.parse` and
    /// `querystring.stringify` do: values grouped under the first occurrence of their name.
    static func withLegacyQuery(_ url: WebhookURL) -> WebhookURL {
        guard let query = url.query, !query.isEmpty else { return url }
        var names: [String] = []
        var valuesByName: [String: [String]] = [:]
        for (name, value) in FormURLEncoding.decode(query) {
            if valuesByName[name] == nil { names.append(name) }
            valuesByName[name, default: []].append(value)
        }
        var copy = url
        copy.query = names.flatMap { name in
            (valuesByName[name] ?? []).map { FormURLEncoding.legacyEscape(name) + "=" + FormURLEncoding.legacyEscape($0) }
        }.joined(separator: "&")
        return copy
    }

    /// Percent-encodes C0 controls, DEL, non-ASCII bytes and `extraBytes`; existing escapes stay.
    private static func percentEncode(_ string: String, extraBytes: [UInt8]) -> String {
        FormURLEncoding.percentEncode(string) { (0x20...0x7E).contains($0) && !extraBytes.contains($0) }
    }
}
