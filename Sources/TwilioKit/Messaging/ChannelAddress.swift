/// A Twilio `To`/`From` address: a phone number, short code or sender ID, or a
/// channel-prefixed address such as `whatsapp:+14155550100`.
///
/// Parsing rules, one per case (prefixes are matched case-insensitively and written back in
/// lower case):
///
/// | Form                 | Case                      | Rule                                                      |
/// |----------------------|---------------------------|-----------------------------------------------------------|
/// | `+14155550100`       | ``phoneNumber(_:)``       | strict E.164, see ``E164PhoneNumber``                     |
/// | `12345`              | ``shortCode(_:)``         | 5 or 6 ASCII digits                                       |
/// | `Acme 2FA`           | ``alphanumericSenderID(_:)`` | 1–11 of A–Z, a–z, 0–9 and space, at least one letter   |
/// | `whatsapp:+1…`       | ``whatsApp(_:)``          | strict E.164 after the prefix                             |
/// | `messenger:1234`     | ``messenger(pageScopedID:)`` | a non-empty run of ASCII digits (Meta page/user IDs)   |
/// | `client:alice`       | ``client(identity:)``     | non-empty; ASCII letters, digits and `_` (Twilio Voice identities) |
/// | `sip:alice@host`     | ``sip(user:host:)``       | non-empty user, `@`, non-empty host; no whitespace        |
/// | `rcs:+1…`            | ``rcs(_:)``               | strict E.164 after the prefix                             |
/// | `rcs:acme_agent`     | ``rcsAgent(_:)``          | non-empty; ASCII letters, digits, `_` and `-`             |
///
/// Any other `prefix:` is rejected. A plain string starting with `+` is always read as a
/// phone number.
public enum ChannelAddress: Sendable, Hashable, ValidatedString {
    /// A phone number for SMS, MMS or voice.
    case phoneNumber(E164PhoneNumber)
    /// An SMS short code of 5 or 6 digits.
    case shortCode(String)
    /// An alphanumeric sender ID such as `ACME`.
    case alphanumericSenderID(String)
    /// A WhatsApp number, `whatsapp:+…`.
    case whatsApp(E164PhoneNumber)
    /// A Facebook Messenger page or page-scoped user ID, `messenger:…`.
    case messenger(pageScopedID: String)
    /// A Twilio Client (Voice SDK) identity, `client:…`.
    case client(identity: String)
    /// A SIP address, `sip:user@host`; `host` keeps any port or parameters.
    case sip(user: String, host: String)
    /// An RCS recipient phone number, `rcs:+…`.
    case rcs(E164PhoneNumber)
    /// An RCS sender (agent) ID, `rcs:…`.
    case rcsAgent(String)

    /// The channel prefixes an address may carry.
    public enum Scheme: String, Sendable, Hashable, CaseIterable {
        /// `whatsapp:`
        case whatsapp
        /// `messenger:`
        case messenger
        /// `client:`
        case client
        /// `sip:`
        case sip
        /// `rcs:`
        case rcs
    }

    /// Parses an address.
    ///
    /// - Parameter string: The address as Twilio writes it, e.g. `"whatsapp:+14155550100"`.
    /// - Throws: ``ChannelAddressError`` naming the rule the string breaks.
    public init(_ string: String) throws(ChannelAddressError) {
        guard !string.isEmpty else { throw .empty }
        guard let colon = string.firstIndex(of: ":") else {
            self = try Self.plain(string)
            return
        }
        let prefix = String(string[..<colon])
        guard let scheme = Scheme(rawValue: prefix.lowercased()) else { throw .unsupportedScheme(prefix) }
        self = try Self.prefixed(scheme, String(string[string.index(after: colon)...]))
    }

    /// Whether a message or call can be sent to this address: phone numbers and channel
    /// addresses can; short codes, alphanumeric sender IDs and RCS agents only send.
    public var canReceive: Bool {
        switch self {
        case .shortCode, .alphanumericSenderID, .rcsAgent: false
        default: true
        }
    }

    /// The canonical string, as sent to Twilio.
    public var description: String {
        switch self {
        case .phoneNumber(let number): number.description
        case .shortCode(let code): code
        case .alphanumericSenderID(let id): id
        case .whatsApp(let number): "whatsapp:\(number)"
        case .messenger(let id): "messenger:\(id)"
        case .client(let identity): "client:\(identity)"
        case .sip(let user, let host): "sip:\(user)@\(host)"
        case .rcs(let number): "rcs:\(number)"
        case .rcsAgent(let id): "rcs:\(id)"
        }
    }

    private static func plain(_ string: String) throws(ChannelAddressError) -> ChannelAddress {
        if string.hasPrefix("+") {
            return .phoneNumber(try number(string, scheme: nil))
        }
        if string.allSatisfy(E164PhoneNumber.isASCIIDigit) {
            guard (5...6).contains(string.count) else { throw .digitsOnly(count: string.count) }
            return .shortCode(string)
        }
        if let invalid = string.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == " ")) }) {
            throw .senderIDInvalidCharacter(invalid)
        }
        guard string.count <= 11 else { throw .senderIDTooLong(string.count) }
        guard string.contains(where: \.isLetter) else { throw .senderIDWithoutLetter }
        return .alphanumericSenderID(string)
    }

    private static func prefixed(_ scheme: Scheme, _ rest: String) throws(ChannelAddressError) -> ChannelAddress {
        guard !rest.isEmpty else { throw .missingIdentifier(scheme) }
        switch scheme {
        case .whatsapp:
            return .whatsApp(try number(rest, scheme: scheme))
        case .messenger:
            try requireOnly(rest, scheme: scheme, allowed: E164PhoneNumber.isASCIIDigit)
            return .messenger(pageScopedID: rest)
        case .client:
            try requireOnly(rest, scheme: scheme) { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            return .client(identity: rest)
        case .sip:
            try requireOnly(rest, scheme: scheme) { !$0.isWhitespace }
            guard let at = rest.firstIndex(of: "@") else { throw .sipMissingHost }
            let user = String(rest[..<at])
            let host = String(rest[rest.index(after: at)...])
            guard !user.isEmpty else { throw .sipMissingUser }
            guard !host.isEmpty, !host.contains("@") else { throw .sipMissingHost }
            return .sip(user: user, host: host)
        case .rcs:
            if rest.hasPrefix("+") {
                return .rcs(try number(rest, scheme: scheme))
            }
            try requireOnly(rest, scheme: scheme) { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            return .rcsAgent(rest)
        }
    }

    private static func number(_ string: String, scheme: Scheme?) throws(ChannelAddressError) -> E164PhoneNumber {
        do {
            return try E164PhoneNumber(string)
        } catch {
            throw .invalidPhoneNumber(scheme: scheme, error)
        }
    }

    private static func requireOnly(
        _ identifier: String, scheme: Scheme, allowed: (Character) -> Bool
    ) throws(ChannelAddressError) {
        if let invalid = identifier.first(where: { !allowed($0) }) {
            throw .invalidCharacter(scheme: scheme, invalid)
        }
    }
}

/// Why a string is not a valid ``ChannelAddress``.
public enum ChannelAddressError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The string is empty.
    case empty
    /// The string has a `prefix:` that is not one of ``ChannelAddress/Scheme``.
    case unsupportedScheme(String)
    /// The phone number (plain when `scheme` is `nil`, else after the prefix) is not E.164.
    case invalidPhoneNumber(scheme: ChannelAddress.Scheme?, PhoneNumberError)
    /// Nothing follows the prefix.
    case missingIdentifier(ChannelAddress.Scheme)
    /// The identifier after the prefix contains a character its rule forbids.
    case invalidCharacter(scheme: ChannelAddress.Scheme, Character)
    /// A `sip:` address has nothing before the `@`.
    case sipMissingUser
    /// A `sip:` address has no `@` or nothing (or another `@`) after it.
    case sipMissingHost
    /// An all-digit string without `+` that is not a 5–6 digit short code.
    case digitsOnly(count: Int)
    /// An alphanumeric sender ID with a character other than A–Z, a–z, 0–9 or space.
    case senderIDInvalidCharacter(Character)
    /// An alphanumeric sender ID longer than 11 characters.
    case senderIDTooLong(Int)
    /// An alphanumeric sender ID without a letter.
    case senderIDWithoutLetter

    /// A human-readable statement of the rule that was broken.
    public var description: String {
        switch self {
        case .empty:
            "is empty"
        case .unsupportedScheme(let prefix):
            "has an unsupported prefix '\(prefix):'; expected whatsapp:, messenger:, client:, sip: or rcs:"
        case .invalidPhoneNumber(let scheme?, let error):
            "\(scheme.rawValue): number \(error.description)"
        case .invalidPhoneNumber(nil, let error):
            "phone number \(error.description)"
        case .missingIdentifier(let scheme):
            "\(scheme.rawValue): must be followed by an address"
        case .invalidCharacter(let scheme, let character):
            "\(scheme.rawValue): address contains '\(character)'; \(Self.allowedCharacters(scheme))"
        case .sipMissingUser:
            "sip: address needs a user before the @ (sip:user@host)"
        case .sipMissingHost:
            "sip: address needs a single @ followed by a host (sip:user@host)"
        case .digitsOnly(let count):
            "has \(count) digits and no +; short codes have 5-6 digits, phone numbers start with + and a country code"
        case .senderIDInvalidCharacter(let character):
            "contains '\(character)'; an alphanumeric sender ID may only use letters A-Z a-z, digits 0-9 and spaces"
        case .senderIDTooLong(let count):
            "has \(count) characters; an alphanumeric sender ID has at most 11"
        case .senderIDWithoutLetter:
            "an alphanumeric sender ID must contain at least one letter"
        }
    }

    private static func allowedCharacters(_ scheme: ChannelAddress.Scheme) -> String {
        switch scheme {
        case .messenger: "a page-scoped ID is digits 0-9 only"
        case .client: "an identity may only use letters, digits and _"
        case .sip: "whitespace is not allowed"
        case .rcs: "an agent ID may only use letters, digits, _ and -"
        case .whatsapp: "a number is + and digits only"
        }
    }
}
