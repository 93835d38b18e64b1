import Foundation
import NIOCore

/// Where connections go: a host and port, over TLS or not. Each has its own pool of connections.
struct HTTPEndpoint: Hashable, Sendable {
    /// Whether connections are made over TLS (`https`).
    var usesTLS: Bool
    /// The host name or IP address (an IPv6 address without its brackets).
    var host: String
    /// The TCP port.
    var port: Int
}

/// An absolute `http` or `https` URL taken apart for sending: its endpoint, and what the request
/// line and `Host` header carry.
struct HTTPTarget: Sendable {
    let endpoint: HTTPEndpoint
    /// The authority as the URL writes it (`host`, or `host:port`), for the `Host` header.
    let authority: String
    /// The path and query, `/` when the URL has neither.
    let pathAndQuery: String
    /// The URL's user information (`user:password@`) as an `Authorization` value, for a request
    /// that has none of its own; never sent otherwise.
    let basicAuthorization: String?

    /// Parses `url`; `nil` when it is not one this client can send: another scheme, no host, a
    /// port out of range, or a byte the request line cannot carry. One pass over its bytes (it runs
    /// for every request).
    init?(url: String) {
        var url = url
        guard let target = url.withUTF8(Self.init(bytes:)) else { return nil }
        self = target
    }

    private init?(bytes: UnsafeBufferPointer<UInt8>) {
        let slash = UInt8(ascii: "/"), colon = UInt8(ascii: ":")
        guard let schemeEnd = bytes.firstIndex(of: colon), schemeEnd + 2 < bytes.count,
              bytes[schemeEnd + 1] == slash, bytes[schemeEnd + 2] == slash else { return nil }
        let scheme = String(decoding: bytes[..<schemeEnd], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let usesTLS = scheme == "https"
        let authorityStart = schemeEnd + 3
        let authorityEnd = bytes[authorityStart...].firstIndex { $0 == slash || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
        let fragment = bytes[authorityEnd...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        let userAndAuthority = bytes[authorityStart..<authorityEnd], pathAndQuery = bytes[authorityEnd..<fragment]
        let at = userAndAuthority.lastIndex(of: UInt8(ascii: "@"))
        let authority = at.map { userAndAuthority[($0 + 1)...] } ?? userAndAuthority
        guard Self.isPrintableASCII(userAndAuthority), Self.isPrintableASCII(pathAndQuery),
              let (host, port) = Self.hostAndPort(of: authority, defaultPort: usesTLS ? 443 : 80)
        else { return nil }
        endpoint = HTTPEndpoint(usesTLS: usesTLS, host: String(decoding: host, as: UTF8.self), port: port)
        self.authority = String(decoding: authority, as: UTF8.self)
        let path = String(decoding: pathAndQuery, as: UTF8.self)
        self.pathAndQuery = path.isEmpty ? "/" : path.first == "?" ? "/" + path : path
        basicAuthorization = at.map { userAndAuthority[..<$0] }.map { userInfo in
            let decoded = String(decoding: userInfo, as: UTF8.self)
            return "Basic " + Data((decoded.removingPercentEncoding ?? decoded).utf8).base64EncodedString()
        }
    }

    /// The request as it goes on the wire, head and body in one buffer: `headers` as given, plus
    /// `Host` and the body's `Content-Length` unless they are among them (a POST with no body says
    /// `0`); `nil` when a field's name is not an HTTP token or its value holds a control character
    /// (CR and LF would split the request).
    func requestBytes(method: HTTPMethod, headers: [(name: String, value: String)], body: [UInt8]?) -> ByteBuffer? {
        guard headers.allSatisfy({ HTTPSyntax.isToken($0.name.utf8) && HTTPSyntax.isFieldValue($0.value.utf8) }) else { return nil }
        func has(_ name: String) -> Bool { headers.contains { $0.name.equalsIgnoringASCIICase(name) } }
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256 + (body?.count ?? 0))
        buffer.writeString(method.rawValue)
        buffer.writeInteger(UInt8(ascii: " "))
        buffer.writeString(pathAndQuery)
        buffer.writeStaticString(" HTTP/1.1\r\n")
        func write(_ name: String, _ value: String) {
            buffer.writeString(name)
            buffer.writeStaticString(": ")
            buffer.writeString(value)
            buffer.writeStaticString("\r\n")
        }
        for field in headers { write(field.name, field.value) }
        if !has("Host") { write("Host", authority) }
        if let basicAuthorization, !has("Authorization") { write("Authorization", basicAuthorization) }
        if !has("Content-Length"), let length = body?.count ?? (method == .post ? 0 : nil) { write("Content-Length", String(length)) }
        buffer.writeStaticString("\r\n")
        if let body { buffer.writeBytes(body) }
        return buffer
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private static func hostAndPort(of authority: Bytes, defaultPort: Int) -> (Bytes, Int)? {
        let host: Bytes
        let port: Bytes?
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            host = authority[(authority.startIndex + 1)..<close]
            let after = authority[(close + 1)...]
            guard after.isEmpty || after.first == UInt8(ascii: ":") else { return nil }
            port = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            (host, port) = (authority[..<colon], authority[(colon + 1)...])
        } else {
            (host, port) = (authority, nil)
        }
        guard !host.isEmpty else { return nil }
        guard let port else { return (host, defaultPort) }
        guard (1...5).contains(port.count), port.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let number = Int(String(decoding: port, as: UTF8.self)), (1...65_535).contains(number) else { return nil }
        return (host, number)
    }

    private static func isPrintableASCII(_ bytes: Bytes) -> Bool {
        bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
