import Testing
@testable import TwilioKit

/// Cases ported from github.com/TwilioDevEd/message-segment-calculator `tests/*.test.js`,
/// plus boundary cases. Not ported: the Malaysia (`countryCode: 'MY'`) variant, which this
/// type does not model.
struct SMSSegmentsTests {
    struct CalculatorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let body: String
        let encoding: SMSSegmentation.Encoding
        let segments: Int
        let messageSize: Int
        let totalSize: Int
        let characters: Int
        let unicodeScalars: Int
        var testDescription: String { name }
    }

    static let digits160 = String(repeating: "1234567890", count: 16)

    /// `TestData` in `tests/index.test.js`.
    static let calculatorCases: [CalculatorCase] = [
        .init(name: "GSM-7 in one segment", body: digits160,
              encoding: .gsm7, segments: 1, messageSize: 1120, totalSize: 1120, characters: 160, unicodeScalars: 160),
        .init(name: "GSM-7 in two segments", body: digits160 + "1",
              encoding: .gsm7, segments: 2, messageSize: 1127, totalSize: 1223, characters: 161, unicodeScalars: 161),
        .init(name: "GSM-7 in three segments", body: digits160 + digits160.prefix(147),
              encoding: .gsm7, segments: 3, messageSize: 2149, totalSize: 2293, characters: 307, unicodeScalars: 307),
        .init(name: "UCS-2 message in one segment", body: "😜" + digits160.dropFirst().prefix(68),
              encoding: .ucs2, segments: 1, messageSize: 1120, totalSize: 1120, characters: 69, unicodeScalars: 69),
        .init(name: "UCS-2 message in two segments", body: "😜" + digits160.dropFirst().prefix(69),
              encoding: .ucs2, segments: 2, messageSize: 1136, totalSize: 1232, characters: 70, unicodeScalars: 70),
        .init(name: "UCS-2 message in three segments", body: "😜" + (digits160 + digits160).dropFirst().prefix(133),
              encoding: .ucs2, segments: 3, messageSize: 2160, totalSize: 2304, characters: 134, unicodeScalars: 134),
        .init(name: "UCS-2 with two bytes extended characters in one segments boundary",
              body: "\u{1F1EE}\u{1F1F9}" + digits160.dropFirst().prefix(66),
              encoding: .ucs2, segments: 1, messageSize: 1120, totalSize: 1120, characters: 67, unicodeScalars: 68),
        .init(name: "UCS-2 with extended characters in two segments boundary",
              body: "\u{1F1EE}\u{1F1F9}" + digits160.dropFirst().prefix(67),
              encoding: .ucs2, segments: 2, messageSize: 1136, totalSize: 1232, characters: 68, unicodeScalars: 69),
        .init(name: "UCS-2 with four bytes extended characters in one segments boundary",
              body: "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}" + digits160.dropFirst().prefix(64),
              encoding: .ucs2, segments: 1, messageSize: 1120, totalSize: 1120, characters: 65, unicodeScalars: 68),
        .init(name: "UCS-2 with four bytes extended characters in two segments boundary",
              body: "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}" + digits160.dropFirst().prefix(65),
              encoding: .ucs2, segments: 2, messageSize: 1136, totalSize: 1232, characters: 66, unicodeScalars: 69),
    ]

    @Test(arguments: calculatorCases)
    func calculatorBasicCases(_ testCase: CalculatorCase) {
        let segmentation = SMSSegmentation(testCase.body)
        #expect(segmentation.encoding == testCase.encoding)
        #expect(segmentation.segmentCount == testCase.segments)
        #expect(segmentation.messageSizeInBits == testCase.messageSize)
        #expect(segmentation.totalSizeInBits == testCase.totalSize)
        #expect(segmentation.characterCount == testCase.characters)
        #expect(segmentation.unicodeScalarCount == testCase.unicodeScalars)
    }

    @Test(arguments: ["|", "^", "€", "{", "}", "[", "]", "~", "\\"])
    func escapeCharacterCountsTwoSeptets(_ escape: String) {
        let one = SMSSegmentation(escape + Self.digits160.prefix(158))
        #expect(one.encoding == .gsm7)
        #expect(one.segmentCount == 1)
        #expect(one.messageSizeInBits == 1120)
        #expect(one.totalSizeInBits == 1120)

        let two = SMSSegmentation(escape + Self.digits160.prefix(159))
        #expect(two.encoding == .gsm7)
        #expect(two.segmentCount == 2)
        #expect(two.messageSizeInBits == 1127)
        #expect(two.totalSizeInBits == 1223)
    }

    @Test(arguments: ["Á", "Ú", "ú", "ç", "í", "Í", "ó", "Ó"])
    func oneCodeUnitUCS2Characters(_ character: String) {
        let seventy = SMSSegmentation(String(repeating: character, count: 70))
        #expect(seventy.encoding == .ucs2)
        #expect(seventy.segmentCount == 1)
        #expect(seventy.ucs2Characters.count == 70)

        let seventyOne = SMSSegmentation(String(repeating: character, count: 71))
        #expect(seventyOne.segmentCount == 2)
        #expect(seventyOne.ucs2Characters.count == 71)
    }

    @Test func gsmExtensionCharactersAreOneUnitInUCS2() {
        // Issue #18: a UCS-2 message of special GSM characters.
        #expect(SMSSegmentation("😀" + String(repeating: "]", count: 68)).segmentCount == 1)
        #expect(SMSSegmentation("😀" + String(repeating: "]", count: 69)).segmentCount == 2)

        // Issue #57 (tests/charDetails.test.js).
        let segmentation = SMSSegmentation("||||||||||||||||||||||||{||||||||||||||||||||||||||||∞||||||||||^|||||")
        #expect(segmentation.encoding == .ucs2)
        #expect(segmentation.characterCount == 70)
        #expect(segmentation.segments.map(\.unitCount) == [70])
        #expect(segmentation.ucs2Characters == ["∞"])
    }

    @Test func lineBreaks() {
        #expect(SMSSegmentation("\rabcde\r\n123").characterCount == 11)
        #expect(SMSSegmentation("\nabcde\n\n123\n").characterCount == 12)
        #expect(SMSSegmentation("a\r\nb").segments.map(\.text) == ["a\r\nb"])
    }

    @Test func combiningCharactersStayOneCharacter() {
        let accented = "e\u{301}\u{301}\u{301}"
        let alone = SMSSegmentation(accented)
        #expect(alone.encoding == .ucs2)
        #expect(alone.characterCount == 1)
        #expect(alone.unicodeScalarCount == 4)
        // Issue #17: the accented e is 4 code units.
        #expect(SMSSegmentation(accented + String(repeating: "a", count: 66)).segmentCount == 1)
        #expect(SMSSegmentation(accented + String(repeating: "a", count: 67)).segmentCount == 2)
    }

    @Test func nonGSMCharactersAreReported() {
        #expect(SMSSegmentation("más").ucs2Characters == ["á"])
        #expect(SMSSegmentation("plain text").ucs2Characters.isEmpty)
    }

    @Test func concatenatedSegmentContents() {
        // tests/segments.test.js: the last segment holds a single character.
        let gsm = SMSSegmentation(Self.digits160 + Self.digits160.prefix(147))
        #expect(gsm.segments.map(\.unitCount) == [153, 153, 1])
        #expect(gsm.segments.last?.text == "7")
        #expect(gsm.segments.map(\.text).joined() == gsm.body)

        let ucs2 = SMSSegmentation("😜" + (Self.digits160 + Self.digits160).dropFirst().prefix(133))
        #expect(ucs2.segments.map(\.unitCount) == [67, 67, 1])
        #expect(ucs2.segments.last?.text == "4")

        // tests/charDetails.test.js: 'A' x 161 splits after 153 characters.
        let letters = SMSSegmentation(String(repeating: "A", count: 161))
        #expect(letters.segments.map { $0.text.count } == [153, 8])
    }

    @Test func emptyBodyIsOneEmptySegment() {
        let empty = SMSSegmentation("")
        #expect(empty.encoding == .gsm7)
        #expect(empty.segmentCount == 1)
        #expect(empty.segments == [SMSSegmentation.Segment(text: "", unitCount: 0)])
        #expect(empty.characterCount == 0)
        #expect(empty.totalSizeInBits == 0)
    }

    @Test(arguments: [(160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4)])
    func gsmSegmentLimits(_ length: Int, _ expected: Int) {
        let segmentation = SMSSegmentation(String(repeating: "a", count: length))
        #expect(segmentation.encoding == .gsm7)
        #expect(segmentation.segmentCount == expected)
        #expect(segmentation.characterCount == length)
    }

    @Test(arguments: [(70, 1), (71, 2), (134, 2), (135, 3)])
    func ucs2SegmentLimits(_ length: Int, _ expected: Int) {
        let segmentation = SMSSegmentation(String(repeating: "Ж", count: length))
        #expect(segmentation.encoding == .ucs2)
        #expect(segmentation.segmentCount == expected)
    }

    @Test func oneEmojiForcesUCS2() {
        let segmentation = SMSSegmentation("Hello 😀")
        #expect(segmentation.encoding == .ucs2)
        #expect(segmentation.ucs2Characters == ["😀"])
        #expect(segmentation.characterCount == 7)
        #expect(segmentation.segments.map(\.unitCount) == [8])
    }

    @Test func euroSignIsAnExtensionCharacter() {
        let euro = SMSSegmentation("€")
        #expect(euro.encoding == .gsm7)
        #expect(euro.characterCount == 2)
        #expect(euro.segments.map(\.unitCount) == [2])

        #expect(SMSSegmentation(String(repeating: "a", count: 158) + "€").segmentCount == 1)
        #expect(SMSSegmentation(String(repeating: "a", count: 159) + "€").segmentCount == 2)
    }

    @Test func escapeSequenceIsNeverSplitAcrossSegments() {
        let segmentation = SMSSegmentation(String(repeating: "a", count: 152) + "[" + String(repeating: "b", count: 10))
        #expect(segmentation.segments.map(\.unitCount) == [152, 12])
        #expect(segmentation.segments[1].text.hasPrefix("["))

        let fits = SMSSegmentation(String(repeating: "a", count: 151) + "{" + String(repeating: "b", count: 10))
        #expect(fits.segments.map(\.unitCount) == [153, 10])
        #expect(fits.segments[0].text.hasSuffix("{"))
    }

    @Test func surrogatePairIsNeverSplitAcrossSegments() {
        let segmentation = SMSSegmentation(String(repeating: "Ж", count: 66) + "😀" + String(repeating: "Ж", count: 10))
        #expect(segmentation.segments.map(\.unitCount) == [66, 12])
        #expect(segmentation.segments[1].text.hasPrefix("😀"))
    }

    @Test func smartEncodingReplacesLookAlikes() {
        let body = "\u{201C}Hello\u{201D} \u{2013} it\u{2019}s\u{00A0}done\u{2026}"
        #expect(SMSSegmentation.smartEncoded(body) == "\"Hello\" - it's  done...")
        #expect(SMSSegmentation(body).encoding == .ucs2)
        let encoded = SMSSegmentation(body, smartEncoding: true)
        #expect(encoded.encoding == .gsm7)
        #expect(encoded.body == "\"Hello\" - it's  done...")
    }

    @Test func smartEncodingTableMatchesCalculator() {
        // tests/index.test.js "Smart Encoding": every entry maps when enabled, and the body is
        // untouched when disabled; then all entries at once.
        let table = SmartEncodingTable.replacements
        #expect(table.count == 270)
        for (scalar, replacement) in table {
            let key = String(Character(scalar))
            #expect(SMSSegmentation(key, smartEncoding: true).body == replacement)
            #expect(SMSSegmentation(key).body == key)
        }
        let keys = table.keys.sorted { $0.value < $1.value }
        var all = ""
        all.unicodeScalars.append(contentsOf: keys)
        #expect(SMSSegmentation.smartEncoded(all) == keys.compactMap { table[$0] }.joined())
    }
}
