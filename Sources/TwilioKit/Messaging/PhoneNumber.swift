/// A phone number in E.164 international format, such as `+14155550100`.
///
/// The strict parser, ``init(_:)``, accepts exactly: a `+`, then only the ASCII digits
/// `0`–`9`, the first of which (the start of the 1–3 digit country calling code) is not `0`,
/// with ``minimumDigitCount`` to ``maximumDigitCount`` digits in all.
///
/// - The maximum of 15 digits, country code included, is the ITU-T E.164 limit.
/// - E.164 sets no minimum. 7 is used as a floor: a 3-digit country code followed by a
///   4-digit subscriber number, the shortest combination in use in small numbering plans.
///   This is looser than the 8 digits sometimes quoted, on purpose.
/// - The country code itself is not checked against the ITU list of assigned codes.
///
/// ``init(normalizing:defaultCountryCallingCode:)`` accepts the usual human spellings.
public struct E164PhoneNumber: Sendable, Hashable, ValidatedString {
    /// The fewest digits (country code included) accepted.
    public static let minimumDigitCount = 7
    /// The most digits (country code included) E.164 allows.
    public static let maximumDigitCount = 15

    /// The digits after the `+`, country code first.
    public let digits: String

    /// The number in E.164 form, `+` followed by ``digits``.
    public var description: String { "+" + digits }

    /// Parses a number that is already in strict E.164 form.
    ///
    /// - Parameter string: The number, e.g. `"+14155550100"`; no spaces or punctuation.
    /// - Throws: ``PhoneNumberError`` naming the first rule the string breaks.
    public init(_ string: String) throws(PhoneNumberError) {
        guard !string.isEmpty else { throw .empty }
        // `+` and ASCII digits, as nearly every number is, are checked as bytes; only a string
        // that is not is walked by characters, to name what is wrong with it.
        let bytes = string.utf8
        if bytes.first != UInt8(ascii: "+") || !bytes.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            guard string.first == "+" else { throw .notInternational }
            for character in string.dropFirst() where !Self.isASCIIDigit(character) {
                if character.isLetter { throw .letter(character) }
                if character.isNumber { throw .nonASCIIDigit(character) }
                throw .invalidCharacter(character)
            }
        }
        let digits = bytes.dropFirst()
        guard let first = digits.first else { throw .notInternational }
        guard first != UInt8(ascii: "0") else { throw .countryCodeStartsWithZero }
        guard digits.count <= Self.maximumDigitCount else { throw .tooManyDigits(digits.count) }
        guard digits.count >= Self.minimumDigitCount else { throw .tooFewDigits(digits.count) }
        self.digits = String(string.dropFirst())
    }

    /// Parses a number as people write it, then validates it like ``init(_:)``.
    ///
    /// Whitespace, `-`, `.`, `(` and `)` are removed. What remains must then be one of:
    /// - `+` and the international number;
    /// - `00` (the international call prefix) and the international number;
    /// - a national number, when `defaultCountryCallingCode` is given: the code is put in
    ///   front of it as is. A national number starting with `0` is rejected, because whether
    ///   that `0` is a trunk prefix to drop depends on the country.
    ///
    /// For example `"(415) 555-0100"` with `defaultCountryCallingCode: "1"` gives
    /// `+14155550100`, and `"0044 20 7946 0958"` gives `+442079460958`.
    ///
    /// - Parameters:
    ///   - string: The number as written.
    ///   - defaultCountryCallingCode: The country calling code (1–3 digits, not starting
    ///     with `0`, without `+`) for numbers written without one.
    /// - Throws: ``PhoneNumberError`` naming the rule the input breaks.
    public init(normalizing string: String, defaultCountryCallingCode: String? = nil) throws(PhoneNumberError) {
        let stripped = string.filter { !($0.isWhitespace || "-.()".contains($0)) }
        if stripped.hasPrefix("+") {
            try self.init(stripped)
        } else if stripped.hasPrefix("00") {
            try self.init("+" + stripped.dropFirst(2))
        } else if stripped.isEmpty {
            throw .empty
        } else if let code = defaultCountryCallingCode {
            guard (1...3).contains(code.count), code.allSatisfy(Self.isASCIIDigit), code.first != "0" else {
                throw .invalidCountryCallingCode(code)
            }
            guard stripped.first != "0" else { throw .nationalTrunkPrefix }
            try self.init("+" + code + stripped)
        } else {
            throw .notInternational
        }
    }

    /// Whether `character` is one of the ASCII digits `0`–`9`.
    static func isASCIIDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }
}

/// Why a string is not an E.164 phone number.
public enum PhoneNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The string is empty.
    case empty
    /// The string does not start with `+` and a country code.
    case notInternational
    /// The first digit, the start of the country code, is `0`.
    case countryCodeStartsWithZero
    /// A letter appears where only digits are allowed.
    case letter(Character)
    /// A digit other than ASCII `0`–`9` (e.g. Arabic-Indic or full-width) appears.
    case nonASCIIDigit(Character)
    /// Some other character (space, punctuation, symbol) appears after the `+`.
    case invalidCharacter(Character)
    /// More than ``E164PhoneNumber/maximumDigitCount`` digits.
    case tooManyDigits(Int)
    /// Fewer than ``E164PhoneNumber/minimumDigitCount`` digits.
    case tooFewDigits(Int)
    /// The default country calling code given to the normaliser is not 1–3 digits
    /// starting with a non-zero digit.
    case invalidCountryCallingCode(String)
    /// A national number starts with `0`, so it cannot simply follow the country code.
    case nationalTrunkPrefix

    /// A human-readable statement of the rule that was broken.
    public var description: String {
        switch self {
        case .empty:
            "is empty"
        case .notInternational:
            "must start with + and a country code"
        case .countryCodeStartsWithZero:
            "has a country code starting with 0; country codes start with 1-9"
        case .letter(let character):
            "contains a letter '\(character)'"
        case .nonASCIIDigit(let character):
            "contains a non-ASCII digit '\(character)'; only 0-9 are allowed"
        case .invalidCharacter(let character):
            "contains '\(character)'; only digits 0-9 may follow the +"
        case .tooManyDigits(let count):
            "has \(count) digits; E.164 allows at most \(E164PhoneNumber.maximumDigitCount)"
        case .tooFewDigits(let count):
            "has \(count) digits; at least \(E164PhoneNumber.minimumDigitCount) are required"
        case .invalidCountryCallingCode(let code):
            "has a default country calling code '\(code)' that is not 1-3 digits starting with 1-9"
        case .nationalTrunkPrefix:
            "starts with a national trunk prefix 0; write it with + and the country code"
        }
    }
}
