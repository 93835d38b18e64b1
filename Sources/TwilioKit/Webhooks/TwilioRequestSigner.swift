/// Signs webhooks the way Twilio does: the `X-Twilio-Signature` header, and for a shared key the
/// `X-Twilio-Webhooks-Signature-Settings` header that names it.
///
/// The signed string is the full URL followed, for `application/x-www-form-urlencoded` requests,
/// by every POST parameter as `name + value`, ordered by name and then by value (Unicode code
/// point order). JSON requests are signed over their URL alone, which then carries a `bodySHA256`
/// query parameter (see ``signedJSONRequest(url:body:)``). The HMAC key is the UTF-8 bytes of the
/// Auth Token or of the shared key's secret, used as they are.
///
/// ```swift
/// let signer = TwilioRequestSigner(sharedKeyID: "webhooks_sharedkey_01…", secret: secret, algorithm: .hmacSHA256)
/// let headers = signer.headers(url: "https://example.com/sms", parameters: [("Body", "Hi")])
/// ```
///
/// The secret never appears in `description`, `debugDescription` or reflection output.
public struct TwilioRequestSigner: Sendable {
    /// The secret's UTF-8 bytes, the HMAC key.
    private let key: [UInt8]
    /// The HMAC algorithm.
    public let algorithm: TwilioSignatureAlgorithm
    /// The shared key's id, or `nil` when signing with the Auth Token.
    public let keyID: String?

    /// `X-Twilio-Signature`.
    public static let signatureHeader = "X-Twilio-Signature"

    /// A signer using the account's Auth Token and HMAC-SHA1, as Twilio signs every webhook whose
    /// URL no Webhooks Rule matches.
    public init(authToken: String) {
        key = Array(authToken.utf8)
        algorithm = .hmacSHA1
        keyID = nil
    }

    /// A signer using a shared key (Webhooks configuration API `SharedKeys`).
    /// - Parameters:
    ///   - sharedKeyID: The key's id, sent in the settings header.
    ///   - secret: The key's secret, exactly as the API returned it when the key was created.
    ///   - algorithm: The algorithm of the Webhook Setting that uses the key.
    public init(sharedKeyID: String, secret: String, algorithm: TwilioSignatureAlgorithm = .hmacSHA256) {
        key = Array(secret.utf8)
        self.algorithm = algorithm
        keyID = sharedKeyID
    }

    /// The settings header to send, or `nil` when signing with the Auth Token (which sends none).
    public var signatureSettings: TwilioSignatureSettings? {
        keyID.map { TwilioSignatureSettings(keyID: $0, algorithm: algorithm) }
    }

    /// The `X-Twilio-Signature` value for a request to `url` with the given POST parameters.
    /// - Parameters:
    ///   - url: The exact URL the request is sent to, including its query string.
    ///   - parameters: The form-encoded POST parameters, repeated names allowed, in any order;
    ///     empty for GET requests and for JSON requests (whose URL carries `bodySHA256`).
    /// - Returns: The base64-encoded HMAC.
    public func signature(url: String, parameters: [(String, String)] = []) -> String {
        signature(of: url + Self.canonicalParameters(parameters, deduplicatingValues: false))
    }

    /// The `X-Twilio-Signature` value for a request to `url` with the given POST parameters.
    public func signature(url: String, parameters: [String: String]) -> String {
        signature(url: url, parameters: parameters.map { ($0.key, $0.value) })
    }

    /// The headers that authenticate a form (or GET) webhook: `X-Twilio-Signature` and, for a
    /// shared key, `X-Twilio-Webhooks-Signature-Settings`.
    public func headers(url: String, parameters: [(String, String)] = []) -> [(name: String, value: String)] {
        var headers = [(name: Self.signatureHeader, value: signature(url: url, parameters: parameters))]
        if let settings = signatureSettings {
            headers.append((name: TwilioSignatureSettings.headerName, value: settings.headerValue))
        }
        return headers
    }

    /// Signs a JSON (raw body) webhook: the URL to send it to, with the body's `bodySHA256`
    /// appended, and the headers that authenticate it.
    /// - Parameters:
    ///   - url: The webhook URL, with or without a query string.
    ///   - body: The exact body bytes that will be sent.
    public func signedJSONRequest(url: String, body: some Sequence<UInt8>) -> (url: String, headers: [(name: String, value: String)]) {
        let signedURL = TwilioRequestValidator.appendingBodySHA256(to: url, body: body)
        return (signedURL, headers(url: signedURL))
    }

    /// The base64 HMAC of `data`'s UTF-8 bytes.
    func signature(of data: String) -> String {
        algorithm.signature(of: data.utf8, key: key)
    }

    /// The parameters as `name + value` pairs, sorted by name then value, concatenated; with
    /// `deduplicatingValues`, a repeated name/value pair appears once (twilio-python, twilio-node).
    static func canonicalParameters(_ parameters: [(String, String)], deduplicatingValues: Bool) -> String {
        let sorted = parameters.sorted { lhs, rhs in
            sameCodePoints(lhs.0, rhs.0)
                ? codePointPrecedes(lhs.1, rhs.1)
                : codePointPrecedes(lhs.0, rhs.0)
        }
        var result = ""
        result.reserveCapacity(parameters.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count })
        var previous: (name: String, value: String)?
        for (name, value) in sorted {
            if deduplicatingValues, let previous, sameCodePoints(previous.name, name), sameCodePoints(previous.value, value) {
                continue
            }
            result += name
            result += value
            previous = (name, value)
        }
        return result
    }

    /// Unicode code point order, unlike `String.<`, which compares canonically equivalent strings
    /// as equal; compared as UTF-8 bytes, whose order is the code points' (and cheaper to walk).
    private static func codePointPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// The same code points (not merely canonically equivalent, as `==` has it).
    private static func sameCodePoints(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }
}

extension TwilioRequestSigner: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A description that names the key but never includes its secret.
    public var description: String {
        if let keyID {
            "TwilioRequestSigner(sharedKey: \(keyID), secret: <redacted>, algorithm: \(algorithm.rawValue))"
        } else {
            "TwilioRequestSigner(authToken: <redacted>)"
        }
    }

    /// A debug description that never includes the secret.
    public var debugDescription: String { description }

    /// A mirror without children, so `dump` and reflection cannot reveal the secret.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
