/// The `X-Twilio-Webhooks-Signature-Settings` header: which shared key and algorithm signed a
/// webhook (`key=<shared key id>,algorithm=HMAC_SHA256`).
///
/// Twilio adds the header when a Webhooks Rule matched the webhook's URL and its Setting signs with
/// a SharedKey. Without it, the webhook is signed with the Auth Token and HMAC-SHA1.
///
/// Parsing follows twilio-python 9.13's `get_signature_algorithm`: the header is split on `,`, each
/// part on its first `=`; names and values are trimmed of whitespace (Python's `str.strip`); names
/// are case-sensitive; the first part named `algorithm` (or `key`) with a non-empty value wins; a
/// missing algorithm means `HMAC_SHA1`.
public struct TwilioSignatureSettings: Sendable, Hashable {
    /// `X-Twilio-Webhooks-Signature-Settings`.
    public static let headerName = "X-Twilio-Webhooks-Signature-Settings"

    /// The shared key's id (`key=`), or `nil` when the header names none.
    public var keyID: String?
    /// The algorithm exactly as the header names it (`HMAC_SHA1` when it names none), which may be
    /// one this library does not support.
    public var algorithmName: String

    /// The named algorithm, or `nil` when it is not one Twilio documents.
    public var algorithm: TwilioSignatureAlgorithm? { TwilioSignatureAlgorithm(named: algorithmName) }

    /// The settings of a webhook signed with the shared key `keyID` and `algorithm`.
    public init(keyID: String, algorithm: TwilioSignatureAlgorithm) {
        self.keyID = keyID
        self.algorithmName = algorithm.rawValue
    }

    /// Parses a header value; `nil` when the header is absent or blank, meaning the webhook is
    /// signed with the Auth Token and HMAC-SHA1.
    public init?(header: String?) {
        guard let header, !Self.trimmed(Substring(header).unicodeScalars).isEmpty else { return nil }
        keyID = Self.firstValue(named: "key", in: header)
        algorithmName = Self.algorithmName(in: header)
    }

    /// The header's value: `key=<id>,algorithm=<algorithm>`.
    public var headerValue: String {
        "key=\(keyID ?? ""),algorithm=\(algorithmName)"
    }

    /// The algorithm a header names, exactly as twilio-python 9.13's `get_signature_algorithm`
    /// returns it: `HMAC_SHA1` for a missing or empty header or one without a non-empty
    /// `algorithm=`, otherwise the trimmed value as written (not upper-cased).
    public static func algorithmName(in header: String?) -> String {
        firstValue(named: "algorithm", in: header ?? "") ?? TwilioSignatureAlgorithm.hmacSHA1.rawValue
    }

    /// The trimmed value of the first `name=value` part whose trimmed name is `name` and whose
    /// trimmed value is not empty. Works on Unicode scalars, as Python's `str` methods do.
    private static func firstValue(named name: String, in header: String) -> String? {
        for part in header.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false) {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let partName = trimmed(part[..<equals])
            let value = trimmed(part[part.index(after: equals)...])
            if partName.unicodeScalars.elementsEqual(name.unicodeScalars), !value.isEmpty { return value }
        }
        return nil
    }

    /// `scalars` without leading and trailing whitespace as Python's `str.isspace` defines it: the
    /// Unicode `White_Space` characters and the separators U+001C…U+001F.
    private static func trimmed(_ scalars: Substring.UnicodeScalarView) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
