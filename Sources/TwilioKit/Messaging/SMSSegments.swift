/// How an SMS body splits into billable segments, computed the way Twilio does.
///
/// The rules are those of Twilio's segment calculator
/// (github.com/TwilioDevEd/message-segment-calculator, `src/libs/SegmentedMessage.ts`,
/// `Segment.ts` and `EncodedChar.ts`):
///
/// - The body is split into grapheme clusters (user-perceived characters); a CR LF pair
///   counts as two characters. A segment never splits a grapheme, so a surrogate pair
///   (emoji) or a flag sequence always stays whole.
/// - GSM-7 is used when every grapheme is a single UTF-16 code unit found in the GSM 03.38
///   basic set or its extension table; otherwise the whole message is UCS-2.
/// - In GSM-7 a basic character is one 7-bit septet, an extension character
///   (`^ { } \ [ ~ ] |`, `€`, form feed) is two (escape + character), and the pair is
///   never split across segments.
/// - In UCS-2 every UTF-16 code unit is 16 bits; GSM characters, extension ones included,
///   are one code unit.
/// - A segment carries 140 octets (1120 bits). A message that does not fit in one segment
///   is concatenated, and each part gives 6 octets to the User Data Header, leaving
///   1072 bits: 160 septets / 70 code units single, 153 septets / 67 code units per part.
/// - An empty body is one (empty) segment.
///
/// One deliberate difference: a single grapheme too large for any segment (more than 67
/// UTF-16 code units) occupies a segment of its own, where the calculator also counts an
/// extra empty segment.
public struct SMSSegmentation: Sendable, Equatable {
    /// The character set a message is sent in.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        /// The GSM 03.38 7-bit default alphabet with its extension table.
        case gsm7 = "GSM-7"
        /// UCS-2: 16 bits per UTF-16 code unit.
        case ucs2 = "UCS-2"
    }

    /// One billable part of a message.
    public struct Segment: Sendable, Equatable {
        /// The part of the body carried by this segment.
        public let text: String
        /// Septets (GSM-7) or UTF-16 code units (UCS-2) used by `text`, header excluded.
        public let unitCount: Int
    }

    /// The body that was segmented, after Smart Encoding when it was requested.
    public let body: String
    /// The encoding the message is sent in.
    public let encoding: Encoding
    /// The segments in sending order; never empty.
    public let segments: [Segment]
    /// The number of characters as Twilio counts them: septets in GSM-7 (extension
    /// characters count twice), graphemes in UCS-2.
    public let characterCount: Int
    /// The number of Unicode scalars in the body.
    public let unicodeScalarCount: Int
    /// The characters that are not GSM-7 and so forced UCS-2, in body order.
    public let ucs2Characters: [Character]

    /// The number of segments Twilio bills for this message.
    public var segmentCount: Int { segments.count }

    /// Size of the encoded text in bits, User Data Headers excluded.
    public var messageSizeInBits: Int {
        segments.reduce(0) { $0 + $1.unitCount } * encoding.bitsPerUnit
    }

    /// Size of all segments in bits, User Data Headers of a concatenated message included.
    public var totalSizeInBits: Int {
        let headers = segmentCount > 1 ? segmentCount * Self.userDataHeaderBits : 0
        return messageSizeInBits + headers
    }

    /// Segments `body`.
    ///
    /// - Parameters:
    ///   - body: The message body.
    ///   - smartEncoding: Whether to apply Twilio's Smart Encoding substitutions first
    ///     (see ``smartEncoded(_:)``), as a Messaging Service with Smart Encoding does.
    public init(_ body: String, smartEncoding: Bool = false) {
        let text = smartEncoding ? Self.smartEncoded(body) : body
        let characters = text.flatMap { (character: Character) -> [Character] in
            character == "\r\n" ? ["\r", "\n"] : [character]
        }
        let gsmSeptets = characters.map(Self.gsmSeptetCount)
        let encoding: Encoding = gsmSeptets.allSatisfy { $0 != nil } ? .gsm7 : .ucs2
        let units = zip(characters, gsmSeptets).map { character, septets in
            encoding == .gsm7 ? septets ?? 0 : (septets == nil ? character.utf16.count : 1)
        }

        self.body = text
        self.encoding = encoding
        self.segments = Self.split(characters, units: units, encoding: encoding)
        self.characterCount = encoding == .gsm7 ? units.reduce(0, +) : characters.count
        self.unicodeScalarCount = text.unicodeScalars.count
        self.ucs2Characters = zip(characters, gsmSeptets).compactMap { $1 == nil ? $0 : nil }
    }

    private static let segmentBits = 140 * 8
    private static let userDataHeaderBits = 6 * 8

    /// Septets for a GSM-7 character, `nil` when the character is not in GSM-7.
    private static func gsmSeptetCount(_ character: Character) -> Int? {
        let utf16 = character.utf16
        guard utf16.count == 1, let unit = utf16.first else { return nil }
        return GSM7Alphabet.septets(for: unit)?.count
    }

    /// Greedily fills segments, never splitting a character.
    private static func split(_ characters: [Character], units: [Int], encoding: Encoding) -> [Segment] {
        let totalBits = units.reduce(0, +) * encoding.bitsPerUnit
        let capacity = totalBits <= segmentBits ? segmentBits : segmentBits - userDataHeaderBits
        var segments: [Segment] = []
        var text = ""
        var used = 0
        for (character, count) in zip(characters, units) {
            if used > 0, (used + count) * encoding.bitsPerUnit > capacity {
                segments.append(Segment(text: text, unitCount: used))
                text = ""
                used = 0
            }
            text.append(character)
            used += count
        }
        segments.append(Segment(text: text, unitCount: used))
        return segments
    }
}

extension SMSSegmentation.Encoding {
    /// Bits per septet (GSM-7) or code unit (UCS-2).
    var bitsPerUnit: Int {
        switch self {
        case .gsm7: 7
        case .ucs2: 16
        }
    }
}
