import Testing
@testable import TwilioKit

@Suite("Webhook URLs and forms as signature validation splits them")
struct WebhookURLTests {
    @Test(arguments: [
        ("https://user:pw@[::1]:8443/a/b?x=1&y=é#frag", "https", "user:pw", "[::1]", "8443", "/a/b", "x=1&y=é", "frag"),
        ("http://example.com", "http", nil, "example.com", nil, "", nil, nil),
        ("https://example.com:/p?q#", "https", nil, "example.com", "", "/p", "q", ""),
        ("https://[2001:db8::1]?a=b", "https", nil, "[2001:db8::1]", nil, "", "a=b", nil),
        ("https://h.example/ü/path#x?notquery", "https", nil, "h.example", nil, "/ü/path", nil, "x?notquery"),
    ] as [(String, String, String?, String, String?, String, String?, String?)])
    func partsAreSplitAndReassembledExactly(url: String, scheme: String, userInfo: String?, host: String, port: String?,
                                            path: String, query: String?, fragment: String?) throws {
        let parsed = try #require(WebhookURL(url))
        #expect(parsed.scheme == scheme && parsed.userInfo == userInfo && parsed.host == host && parsed.port == port)
        #expect(parsed.path == path && parsed.query == query && parsed.fragment == fragment)
        #expect(parsed.string == url)
    }

    @Test func aURLWithoutSchemeSeparatorIsNotParsed() {
        #expect(WebhookURL("example.com/path") == nil)
        #expect(WebhookURL("://example.com") == nil)
    }

    @Test func formsDecodeInOrderWithRepeatsAndEscapes() {
        let decoded = FormURLEncoding.decode("a=1&&b=%zz&c=%41+B%2b&d&=e&%C3%A9=%C3%BC&a=2&t=%4")
        #expect(decoded.map { [$0.0, $0.1] } == [
            ["a", "1"], ["b", "%zz"], ["c", "A B+"], ["d", ""], ["", "e"], ["é", "ü"], ["a", "2"], ["t", "%4"],
        ])
    }
}
