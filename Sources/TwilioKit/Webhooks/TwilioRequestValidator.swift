/// Computes and validates the `X-Twilio-Signature` header that Twilio sends with every webhook.
///
/// The algorithm is the one the official SDKs implement (twilio-python `RequestValidator`,
/// twilio-node `validateRequest`, twilio-go `RequestValidator`):
///
/// 1. Start from the full URL Twilio requested: scheme, host, path and query string.
/// 2. For `application/x-www-form-urlencoded` requests, append every POST parameter as
///    `name + value` with no separator, ordered by name and, for a repeated name, by value
///    (both in Unicode code point order, like Python's `sorted` and Go's `sort.Strings`).
/// 3. HMAC the UTF-8 bytes, then base64-encode the digest. The key is the account's auth token and
///    the hash SHA-1, unless the `X-Twilio-Webhooks-Signature-Settings` header names a shared key
///    (`key=<id>,algorithm=HMAC_SHA256`): then the key is that shared key's secret and the hash the
///    named one (see ``check(url:parameters:signature:signatureSettings:)``).
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
/// Secrets never appear in `description`, `debugDescription` or reflection output.
public struct TwilioRequestValidator: Sendable {
    /// Signs with the auth token and HMAC-SHA1.
    private let authTokenSigner: TwilioRequestSigner
    /// Each shared key's secret, by key id.
    private let sharedKeySecrets: [String: String]

    /// Creates a validator for the account (or API key) whose auth token signs the webhooks.
    /// - Parameter authToken: The auth token, as shown in the Twilio Console.
    public init(authToken: String) {
        self.init(authToken: authToken, sharedKeys: [:])
    }

    /// Creates a validator that also accepts webhooks signed with shared keys.
    ///
    /// A webhook whose settings header names a key id absent from `sharedKeys`, or an algorithm
    /// Twilio does not document, is refused; it is never checked against the auth token. List
    /// both the old and the new key while rotating.
    /// - Parameters:
    ///   - authToken: The auth token, which signs webhooks without a settings header.
    ///   - sharedKeys: Each shared key's secret, by key id (`webhooks_sharedkey_…`).
    public init(authToken: String, sharedKeys: [String: String]) {
        authTokenSigner = TwilioRequestSigner(authToken: authToken)
        sharedKeySecrets = sharedKeys
    }

    /// The `X-Twilio-Signature` value for a request to `url` with the given POST parameters,
    /// signed with the auth token (see ``TwilioRequestSigner`` to sign with a shared key).
    ///
    /// Use this to sign outgoing webhooks. Pass an empty parameter list for GET requests
    /// (whose parameters are already in the URL) and for raw-body requests (whose URL carries
    /// `bodySHA256`, see ``appendingBodySHA256(to:body:)``).
    /// - Parameters:
    ///   - url: The exact URL the request is sent to, including its query string.
    ///   - parameters: The form-encoded POST parameters, repeated names allowed, in any order.
    /// - Returns: The base64-encoded HMAC-SHA1 signature.
    public func signature(url: String, parameters: [(String, String)] = []) -> String {
        authTokenSigner.signature(url: url, parameters: parameters)
    }

    /// The `X-Twilio-Signature` value for a request to `url` with the given POST parameters.
    /// - Parameters:
    ///   - url: The exact URL the request is sent to, including its query string.
    ///   - parameters: The form-encoded POST parameters.
    /// - Returns: The base64-encoded HMAC-SHA1 signature.
    public func signature(url: String, parameters: [String: String]) -> String {
        authTokenSigner.signature(url: url, parameters: parameters)
    }

    /// Whether `signature` is a valid auth-token `X-Twilio-Signature` for a request to `url` with
    /// the given POST parameters (empty for GET requests).
    ///
    /// Repeated parameter names are accepted both with every value (twilio-python) and with
    /// duplicate values collapsed (twilio-node).
    /// - Parameters:
    ///   - url: The full URL Twilio requested, including the query string.
    ///   - parameters: The decoded form parameters of the request body, repeats preserved.
    ///   - signature: The value of the `X-Twilio-Signature` header.
    public func validate(url: String, parameters: [(String, String)], signature: String) -> Bool {
        check(url: url, parameters: parameters, signature: signature, signatureSettings: nil).isValid
    }

    /// Whether `signature` is a valid auth-token `X-Twilio-Signature` for a request to `url` with
    /// the given POST parameters.
    /// - Parameters:
    ///   - url: The full URL Twilio requested, including the query string.
    ///   - parameters: The decoded form parameters of the request body.
    ///   - signature: The value of the `X-Twilio-Signature` header.
    public func validate(url: String, parameters: [String: String], signature: String) -> Bool {
        validate(url: url, parameters: parameters.map { ($0.key, $0.value) }, signature: signature)
    }

    /// Whether a request signed with the auth token is authentic, given its raw body.
    ///
    /// When the URL has a `bodySHA256` query parameter (JSON webhooks), both the signature of the
    /// URL (with no parameters) and the SHA-256 of `body` must match. Otherwise the body is decoded
    /// as `application/x-www-form-urlencoded` and its parameters are validated (as twilio-go does).
    /// - Parameters:
    ///   - url: The full URL Twilio requested, including the query string.
    ///   - body: The raw request body bytes, exactly as received.
    ///   - signature: The value of the `X-Twilio-Signature` header.
    public func validate(url: String, body: some Sequence<UInt8>, signature: String) -> Bool {
        check(url: url, body: body, signature: signature, signatureSettings: nil).isValid
    }

    /// Checks a form (or GET) webhook, signed with the auth token or with the shared key its
    /// settings header names, and says which key signed it or why it is refused.
    ///
    /// Without a settings header (or with a blank one) the auth token and HMAC-SHA1 are used.
    /// With one, the algorithm it names must be supported and the key it names must be one of
    /// the validator's shared keys.
    /// - Parameters:
    ///   - url: The full URL Twilio requested, including the query string.
    ///   - parameters: The decoded form parameters of the request body, repeats preserved.
    ///   - signature: The `X-Twilio-Signature` header, `nil` when absent.
    ///   - signatureSettings: The `X-Twilio-Webhooks-Signature-Settings` header, `nil` when absent.
    public func check(url: String, parameters: [(String, String)], signature: String?,
                      signatureSettings: String?) -> TwilioSignatureCheck {
        check(url: url, parameters: parameters, bodyHashMatches: nil, signature: signature, signatureSettings: signatureSettings)
    }

    /// Checks a form (or GET) webhook; see ``check(url:parameters:signature:signatureSettings:)``.
    public func check(url: String, parameters: [String: String], signature: String?,
                      signatureSettings: String?) -> TwilioSignatureCheck {
        check(url: url, parameters: parameters.map { ($0.key, $0.value) }, signature: signature, signatureSettings: signatureSettings)
    }

    /// Checks a webhook given its raw body, signed with the auth token or with the shared key its
    /// settings header names, and says which key signed it or why it is refused.
    ///
    /// When the URL has a `bodySHA256` query parameter (JSON webhooks, Event Streams deliveries),
    /// the URL's signature (with no parameters) and the SHA-256 of `body` must both match;
    /// otherwise the body is decoded as `application/x-www-form-urlencoded`. Keys and algorithms
    /// are chosen as in ``check(url:parameters:signature:signatureSettings:)``.
    /// - Parameters:
    ///   - url: The full URL Twilio requested, including the query string.
    ///   - body: The raw request body bytes, exactly as received.
    ///   - signature: The `X-Twilio-Signature` header, `nil` when absent.
    ///   - signatureSettings: The `X-Twilio-Webhooks-Signature-Settings` header, `nil` when absent.
    public func check(url: String, body: some Sequence<UInt8>, signature: String?,
                      signatureSettings: String?) -> TwilioSignatureCheck {
        let bytes = Array(body)
        guard let expectedHash = WebhookURL(url)?.firstQueryValue(named: Self.bodyHashParameter) else {
            let form = String(decoding: bytes, as: UTF8.self)
            return check(url: url, parameters: FormURLEncoding.decode(form), signature: signature, signatureSettings: signatureSettings)
        }
        let bodyHashMatches = WebhookCrypto.constantTimeEquals(Self.bodySHA256(of: bytes), expectedHash)
        return check(url: url, parameters: [], bodyHashMatches: bodyHashMatches, signature: signature, signatureSettings: signatureSettings)
    }

    /// The lowercase hex SHA-256 of a request body, as carried by the `bodySHA256` query parameter.
    /// - Parameter body: The raw request body bytes.
    public static func bodySHA256(of body: some Sequence<UInt8>) -> String {
        WebhookCrypto.hexSHA256(body)
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

    /// The shared check: picks the key, then matches the signature against every accepted URL
    /// spelling and parameter canonicalisation; `bodyHashMatches` is `nil` for form requests.
    private func check(url: String, parameters: [(String, String)], bodyHashMatches: Bool?,
                       signature: String?, signatureSettings: String?) -> TwilioSignatureCheck {
        guard let signature, !signature.isEmpty else { return .invalid(.missingSignature) }
        let signer: TwilioRequestSigner
        switch self.signer(for: signatureSettings) {
        case .success(let selected): signer = selected
        case .failure(let failure): return .invalid(failure)
        }
        func signs(_ candidate: String, _ parameterString: String) -> Bool {
            WebhookCrypto.constantTimeEquals(signer.signature(of: candidate + parameterString), signature)
        }
        // The URL as it came and the parameters as they came almost always match: the variants
        // (ports, normalised forms, values deduplicated) are worked out only when they do not.
        let canonical = TwilioRequestSigner.canonicalParameters(parameters, deduplicatingValues: false)
        if !signs(url, canonical) {
            var parameterStrings = [canonical]
            let deduplicated = TwilioRequestSigner.canonicalParameters(parameters, deduplicatingValues: true)
            if !deduplicated.utf8.elementsEqual(canonical.utf8) {
                parameterStrings.append(deduplicated)
            }
            let matches = WebhookURLVariants.candidates(for: url).contains { candidate in
                parameterStrings.contains { signs(candidate, $0) }
            }
            guard matches else { return .invalid(.signatureMismatch) }
        }
        guard bodyHashMatches ?? true else { return .invalid(.bodyHashMismatch) }
        return .valid(keyID: signer.keyID, algorithm: signer.algorithm)
    }

    /// The signer a settings header selects: the auth token without one, else the named shared key
    /// with the named algorithm.
    private func signer(for signatureSettings: String?) -> Result<TwilioRequestSigner, TwilioSignatureFailure> {
        guard let settings = TwilioSignatureSettings(header: signatureSettings) else { return .success(authTokenSigner) }
        guard let algorithm = settings.algorithm else { return .failure(.unsupportedAlgorithm(settings.algorithmName)) }
        guard let keyID = settings.keyID else { return .failure(.missingKeyID) }
        guard let secret = sharedKeySecrets[keyID] else { return .failure(.unknownKeyID(keyID)) }
        return .success(TwilioRequestSigner(sharedKeyID: keyID, secret: secret, algorithm: algorithm))
    }
}

extension TwilioRequestValidator: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A description that never includes the auth token or a shared key's secret.
    public var description: String {
        guard !sharedKeySecrets.isEmpty else { return "TwilioRequestValidator(authToken: <redacted>)" }
        return "TwilioRequestValidator(authToken: <redacted>, sharedKeys: \(sharedKeySecrets.keys.sorted()) <secrets redacted>)"
    }

    /// A debug description that never includes a secret.
    public var debugDescription: String { description }

    /// A mirror without children, so `dump` and reflection cannot reveal a secret.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
