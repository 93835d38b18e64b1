import Crypto
import Foundation

/// Computes and validates the `X-Twilio-Signature` header that Twilio sends with every webhook.
///
/// The algorithm is the one the official SDKs implement (twilio-python `RequestValidator`,
/// twilio-node `validateRequest`, twilio-go `RequestValidator`):
///
/// 1. Start from the full URL Twilio requested: scheme, host, path and query string.
/// 2. For `application/x-www-form-urlencoded` requests, append every POST parameter as
///    `name + value` with no separator, ordered by name and, for a repeated name, by value
///    (both in Unicode code point order, like Python's `sorted` and Go's `sort.Strings`).
/// 3. HMAC-SHA1 the UTF-8 bytes with the account's auth token as key, then base64-encode the digest.
///
/// Requests with a raw body (JSON) are signed over the URL alone; that URL then carries a
/// `bodySHA256` query parameter holding the lowercase hex SHA-256 of the body, which
/// ``validate(url:body:signature:)`` checks as well.
///
/// Validation tolerates the URL differences the SDKs tolerate: with and without an explicit port
/// (the default `:443` for `https`, `:80` otherwise is added when missing, any port is removed
/// when present), and the query string as written, as a WHATWG URL parser re-encodes it, or as
/// Node's legacy `querystring` module re-encodes it. Signatures are compared in constant time.
///
/// The auth token never appears in `description`, `debugDescription` or reflection output.
public struct TwilioRequestValidator: Sendable {
    /// The auth token's UTF-8 bytes, the HMAC key.
    private let keyBytes: [UInt8]

    /// Creates a validator for the account (or API key) whose auth token signs the webhooks.
    /// - Parameter authToken: The auth token, as shown in the Twilio Console.
    public init(authToken: String) {
        keyBytes = Array(authToken.utf8)
    }

    /// The `X-Twilio-Signature` value for a request to `url` with the given POST parameters.
    ///
    /// Use this to sign outgoing webhooks. Pass an empty parameter list for GET requests
    /// (whose parameters are already in the URL) and for raw-body requests (whose URL carries
    /// `bodySHA256`, see ``appendingBodySHA256(to:body:)``).
    /// - Parameters:
    ///   - url: The exact URL the request is sent to, including its query string.
    ///   - parameters: The form-encoded POST parameters, repeated names allowed, in any order.
    /// - Returns: The base64-encoded HMAC-SHA1 signature.
    public func signature(url: String, parameters: [(String, String)] = []) -> String {
        signature(of: url + Self.canonicalParameters(parameters, deduplicatingValues: false))
    }

    /// The `X-Twilio-Signature` value for a request to `url` with the given POST parameters.
    /// - Parameters:
    ///   - url: The exact URL the request is sent to, including its query string.
    ///   - parameters: The form-encoded POST parameters.
    /// - Returns: The base64-encoded HMAC-SHA1 signature.
    public func signature(url: String, parameters: [String: String]) -> String {
        signature(url: url, parameters: parameters.map { ($0.key, $0.value) })
    }

    /// Whether `signature` is a valid `X-Twilio-Signature` for a request to `url` with the given
    /// POST parameters (empty for GET requests).
    ///
    /// Repeated parameter names are accepted both with every value (twilio-python) and with
    /// duplicate values collapsed (twilio-node).
    /// - Parameters:
    ///   - url: The full URL Twilio requested, including the query string.
    ///   - parameters: The decoded form parameters of the request body, repeats preserved.
    ///   - signature: The value of the `X-Twilio-Signature` header.
    public func validate(url: String, parameters: [(String, String)], signature: String) -> Bool {
        var parameterStrings = [Self.canonicalParameters(parameters, deduplicatingValues: false)]
        let deduplicated = Self.canonicalParameters(parameters, deduplicatingValues: true)
        if !deduplicated.utf8.elementsEqual(parameterStrings[0].utf8) {
            parameterStrings.append(deduplicated)
        }
        let matches = WebhookURLVariants.candidates(for: url).flatMap { candidate in
            parameterStrings.map { Self.constantTimeEquals(self.signature(of: candidate + $0), signature) }
        }
        return matches.contains(true)
    }

    /// Whether `signature` is a valid `X-Twilio-Signature` for a request to `url` with the given
    /// POST parameters.
    /// - Parameters:
    ///   - url: The full URL Twilio requested, including the query string.
    ///   - parameters: The decoded form parameters of the request body.
    ///   - signature: The value of the `X-Twilio-Signature` header.
    public func validate(url: String, parameters: [String: String], signature: String) -> Bool {
        validate(url: url, parameters: parameters.map { ($0.key, $0.value) }, signature: signature)
    }

    /// Whether a request is authentic, given its raw body.
    ///
    /// When the URL has a `bodySHA256` query parameter (JSON webhooks), both the signature of the
    /// URL (with no parameters) and the SHA-256 of `body` must match. Otherwise the body is decoded
    /// as `application/x-www-form-urlencoded` and its parameters are validated (as twilio-go does).
    /// - Parameters:
    ///   - url: The full URL Twilio requested, including the query string.
    ///   - body: The raw request body bytes, exactly as received.
    ///   - signature: The value of the `X-Twilio-Signature` header.
    public func validate(url: String, body: some Sequence<UInt8>, signature: String) -> Bool {
        let bytes = Array(body)
        guard let expectedHash = WebhookURL(url)?.firstQueryValue(named: Self.bodyHashParameter) else {
            let form = String(decoding: bytes, as: UTF8.self)
            return validate(url: url, parameters: FormURLEncoding.decode(form), signature: signature)
        }
        let bodyMatches = Self.constantTimeEquals(Self.bodySHA256(of: bytes), expectedHash)
        let urlMatches = validate(url: url, parameters: [], signature: signature)
        return bodyMatches && urlMatches
    }

    /// The lowercase hex SHA-256 of a request body, as carried by the `bodySHA256` query parameter.
    /// - Parameter body: The raw request body bytes.
    public static func bodySHA256(of body: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(body)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// `url` with a `bodySHA256` query parameter for `body` appended (before any fragment), the
    /// URL to sign and send a raw-body (JSON) webhook to.
    /// - Parameters:
    ///   - url: The webhook URL, with or without a query string.
    ///   - body: The raw request body bytes that will be sent.
    public static func appendingBodySHA256(to url: String, body: some Sequence<UInt8>) -> String {
        let fragmentStart = url.firstIndex(of: "#") ?? url.endIndex
        let base = url[..<fragmentStart]
        let separator: String
        if !base.contains("?") {
            separator = "?"
        } else if base.hasSuffix("?") || base.hasSuffix("&") {
            separator = ""
        } else {
            separator = "&"
        }
        return base + separator + bodyHashParameter + "=" + bodySHA256(of: body) + url[fragmentStart...]
    }

    /// The query parameter Twilio uses to carry the body hash of raw-body requests.
    private static let bodyHashParameter = "bodySHA256"

    private func signature(of data: String) -> String {
        let code = HMAC<Insecure.SHA1>.authenticationCode(for: Array(data.utf8), using: SymmetricKey(data: keyBytes))
        return Data(code).base64EncodedString()
    }

    /// The parameters as `name + value` pairs, sorted by name then value, concatenated.
    private static func canonicalParameters(_ parameters: [(String, String)], deduplicatingValues: Bool) -> String {
        let sorted = parameters.sorted { lhs, rhs in
            lhs.0.unicodeScalars.elementsEqual(rhs.0.unicodeScalars)
                ? codePointPrecedes(lhs.1, rhs.1)
                : codePointPrecedes(lhs.0, rhs.0)
        }
        var result = ""
        var previous: (name: String, value: String)?
        for (name, value) in sorted {
            if deduplicatingValues, let previous,
               previous.name.unicodeScalars.elementsEqual(name.unicodeScalars),
               previous.value.unicodeScalars.elementsEqual(value.unicodeScalars) {
                continue
            }
            result += name + value
            previous = (name, value)
        }
        return result
    }

    /// Unicode code point order (equal to UTF-8 byte order), unlike `String.<`, which compares
    /// canonically equivalent strings as equal.
    private static func codePointPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }

    /// Compares two strings' UTF-8 bytes in time that depends only on their lengths.
    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}

extension TwilioRequestValidator: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A description that never includes the auth token.
    public var description: String { "TwilioRequestValidator(authToken: <redacted>)" }

    /// A debug description that never includes the auth token.
    public var debugDescription: String { description }

    /// A mirror without children, so `dump` and reflection cannot reveal the auth token.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
