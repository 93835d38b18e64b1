import Foundation
import Testing
import TwilioKit

struct PhoneNumberTests {
    // MARK: - E164PhoneNumber, strict

    @Test(arguments: ["+14155550100", "+442079460958", "+6834002", "+123456789012345"])
    func acceptsValidNumbers(_ string: String) throws {
        let number = try E164PhoneNumber(string)
        #expect(number.description == string)
        #expect(number.digits == String(string.dropFirst()))
    }

    @Test func fifteenDigitsIsTheMaximum() throws {
        #expect(try E164PhoneNumber("+123456789012345").digits.count == 15)
        #expect(throws: PhoneNumberError.tooManyDigits(16)) { try E164PhoneNumber("+1234567890123456") }
        #expect(PhoneNumberError.tooManyDigits(16).description == "has 16 digits; E.164 allows at most 15")
    }

    @Test func sevenDigitsIsTheMinimum() throws {
        #expect(try E164PhoneNumber("+6834002").digits.count == 7)
        #expect(throws: PhoneNumberError.tooFewDigits(6)) { try E164PhoneNumber("+683400") }
    }

    @Test func rejectsCountryCodeStartingWithZero() {
        #expect(throws: PhoneNumberError.countryCodeStartsWithZero) { try E164PhoneNumber("+04155550100") }
    }

    @Test(arguments: ["", "+", "14155550100", " +14155550100", "00442079460958"])
    func rejectsMissingPlusOrCountryCode(_ string: String) {
        #expect(throws: PhoneNumberError.self) { try E164PhoneNumber(string) }
    }

    @Test func errorsNameTheRuleBroken() {
        #expect(throws: PhoneNumberError.empty) { try E164PhoneNumber("") }
        #expect(throws: PhoneNumberError.notInternational) { try E164PhoneNumber("+") }
        #expect(throws: PhoneNumberError.notInternational) { try E164PhoneNumber("4155550100") }
        #expect(throws: PhoneNumberError.invalidCharacter(" ")) { try E164PhoneNumber("+1 415 555 0100") }
        #expect(throws: PhoneNumberError.invalidCharacter("-")) { try E164PhoneNumber("+1415-555-0100") }
        #expect(throws: PhoneNumberError.letter("x")) { try E164PhoneNumber("+14155550100x12") }
        #expect(PhoneNumberError.notInternational.description == "must start with + and a country code")
        #expect(PhoneNumberError.letter("x").description == "contains a letter 'x'")
    }

    @Test func rejectsWhitespace() {
        #expect(throws: PhoneNumberError.notInternational) { try E164PhoneNumber(" +14155550100") }
        #expect(throws: PhoneNumberError.invalidCharacter("\n")) { try E164PhoneNumber("+14155550100\n") }
    }

    @Test func rejectsUnicodeDigits() {
        // Arabic-Indic and full-width digits are numbers, but not E.164 digits.
        #expect(throws: PhoneNumberError.nonASCIIDigit("\u{0661}")) { try E164PhoneNumber("+\u{0661}4155550100") }
        #expect(throws: PhoneNumberError.nonASCIIDigit("\u{FF11}")) { try E164PhoneNumber("+\u{FF11}4155550100") }
        #expect(throws: PhoneNumberError.self) { try E164PhoneNumber(normalizing: "+１ 415 555 0100") }
    }

    // MARK: - E164PhoneNumber, normalising

    @Test func normalisesNationalNumberWithDefaultCountryCode() throws {
        let number = try E164PhoneNumber(normalizing: "(415) 555-0100", defaultCountryCallingCode: "1")
        #expect(number.description == "+14155550100")
    }

    @Test(arguments: [
        "+1 (415) 555-0100", "+1.415.555.0100", "  +1 415 555 0100  ", "001 415 555 0100", "+1\u{00A0}415\u{00A0}5550100",
    ])
    func normalisesInternationalSpellings(_ string: String) throws {
        #expect(try E164PhoneNumber(normalizing: string).description == "+14155550100")
    }

    @Test func internationalPrefixWinsOverDefaultCountryCode() throws {
        let number = try E164PhoneNumber(normalizing: "0044 20 7946 0958", defaultCountryCallingCode: "1")
        #expect(number.description == "+442079460958")
    }

    @Test func normaliserStillValidates() {
        #expect(throws: PhoneNumberError.notInternational) { try E164PhoneNumber(normalizing: "(415) 555-0100") }
        #expect(throws: PhoneNumberError.empty) { try E164PhoneNumber(normalizing: " - ( ) ") }
        #expect(throws: PhoneNumberError.letter("x")) {
            try E164PhoneNumber(normalizing: "415-555-0100 x12", defaultCountryCallingCode: "1")
        }
        #expect(throws: PhoneNumberError.tooManyDigits(16)) {
            try E164PhoneNumber(normalizing: "+1 234 567 890 123 456")
        }
        #expect(throws: PhoneNumberError.countryCodeStartsWithZero) { try E164PhoneNumber(normalizing: "000 44 20") }
        #expect(throws: PhoneNumberError.nationalTrunkPrefix) {
            try E164PhoneNumber(normalizing: "020 7946 0958", defaultCountryCallingCode: "44")
        }
    }

    @Test(arguments: ["", "0", "1234", "+1", "1a"])
    func rejectsInvalidDefaultCountryCallingCode(_ code: String) {
        #expect(throws: PhoneNumberError.invalidCountryCallingCode(code)) {
            try E164PhoneNumber(normalizing: "4155550100", defaultCountryCallingCode: code)
        }
    }

    @Test func codableAsString() throws {
        let number = try E164PhoneNumber("+14155550100")
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == #"["+14155550100"]"#)
        #expect(try JSONDecoder().decode([E164PhoneNumber].self, from: data) == [number])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([E164PhoneNumber].self, from: Data(#"["4155550100"]"#.utf8))
        }
    }

    // MARK: - ChannelAddress

    @Test(arguments: [
        ("+14155550100", ChannelAddress.phoneNumber(try! E164PhoneNumber("+14155550100"))),
        ("12345", .shortCode("12345")),
        ("123456", .shortCode("123456")),
        ("ACME", .alphanumericSenderID("ACME")),
        ("Acme 2FA", .alphanumericSenderID("Acme 2FA")),
        ("A", .alphanumericSenderID("A")),
        ("HelloWorld1", .alphanumericSenderID("HelloWorld1")),
        ("whatsapp:+14155550100", .whatsApp(try! E164PhoneNumber("+14155550100"))),
        ("messenger:1234567890", .messenger(pageScopedID: "1234567890")),
        ("client:alice_01", .client(identity: "alice_01")),
        ("sip:alice@example.com", .sip(user: "alice", host: "example.com")),
        ("sip:bob@sip.example.com:5061;transport=tls", .sip(user: "bob", host: "sip.example.com:5061;transport=tls")),
        ("rcs:+14155550100", .rcs(try! E164PhoneNumber("+14155550100"))),
        ("rcs:acme_support-agent", .rcsAgent("acme_support-agent")),
    ])
    func parsesAddresses(_ string: String, _ expected: ChannelAddress) throws {
        let address = try ChannelAddress(string)
        #expect(address == expected)
        #expect(address.description == string)
    }

    @Test func schemeIsCaseInsensitiveAndCanonicalisedToLowerCase() throws {
        let address = try ChannelAddress("WhatsApp:+14155550100")
        #expect(address.description == "whatsapp:+14155550100")
    }

    @Test func whatsAppWithInvalidNumber() {
        #expect(throws: ChannelAddressError.invalidPhoneNumber(scheme: .whatsapp, .notInternational)) {
            try ChannelAddress("whatsapp:14155550100")
        }
        #expect(throws: ChannelAddressError.invalidPhoneNumber(scheme: .whatsapp, .tooManyDigits(16))) {
            try ChannelAddress("whatsapp:+1234567890123456")
        }
        #expect(throws: ChannelAddressError.missingIdentifier(.whatsapp)) { try ChannelAddress("whatsapp:") }
        let message = ChannelAddressError.invalidPhoneNumber(scheme: .whatsapp, .notInternational).description
        #expect(message == "whatsapp: number must start with + and a country code")
    }

    @Test func sipNeedsUserAndHost() {
        #expect(throws: ChannelAddressError.sipMissingHost) { try ChannelAddress("sip:alice") }
        #expect(throws: ChannelAddressError.sipMissingHost) { try ChannelAddress("sip:alice@") }
        #expect(throws: ChannelAddressError.sipMissingHost) { try ChannelAddress("sip:alice@host@other") }
        #expect(throws: ChannelAddressError.sipMissingUser) { try ChannelAddress("sip:@example.com") }
        #expect(throws: ChannelAddressError.invalidCharacter(scheme: .sip, " ")) { try ChannelAddress("sip:al ice@example.com") }
    }

    @Test func prefixedIdentifierRules() {
        #expect(throws: ChannelAddressError.invalidCharacter(scheme: .messenger, "a")) { try ChannelAddress("messenger:12a") }
        #expect(throws: ChannelAddressError.invalidCharacter(scheme: .client, "-")) { try ChannelAddress("client:user-jane") }
        #expect(throws: ChannelAddressError.invalidCharacter(scheme: .rcs, " ")) { try ChannelAddress("rcs:acme agent") }
        #expect(throws: ChannelAddressError.invalidPhoneNumber(scheme: .rcs, .letter("a"))) { try ChannelAddress("rcs:+1a") }
        #expect(throws: ChannelAddressError.missingIdentifier(.client)) { try ChannelAddress("client:") }
        #expect(throws: ChannelAddressError.unsupportedScheme("telegram")) { try ChannelAddress("telegram:12345") }
    }

    @Test func plainAddressRules() {
        #expect(throws: ChannelAddressError.empty) { try ChannelAddress("") }
        #expect(throws: ChannelAddressError.invalidPhoneNumber(scheme: nil, .notInternational)) { try ChannelAddress("+") }
        #expect(throws: ChannelAddressError.invalidPhoneNumber(scheme: nil, .countryCodeStartsWithZero)) {
            try ChannelAddress("+04155550100")
        }
        #expect(throws: ChannelAddressError.digitsOnly(count: 4)) { try ChannelAddress("1234") }
        #expect(throws: ChannelAddressError.digitsOnly(count: 7)) { try ChannelAddress("1234567") }
        #expect(throws: ChannelAddressError.digitsOnly(count: 10)) { try ChannelAddress("4155550100") }
        #expect(throws: ChannelAddressError.senderIDTooLong(12)) { try ChannelAddress("HelloWorld12") }
        #expect(throws: ChannelAddressError.senderIDWithoutLetter) { try ChannelAddress("12 34") }
        #expect(throws: ChannelAddressError.senderIDWithoutLetter) { try ChannelAddress("   ") }
        #expect(throws: ChannelAddressError.senderIDInvalidCharacter("!")) { try ChannelAddress("Hi!") }
        #expect(throws: ChannelAddressError.senderIDInvalidCharacter("é")) { try ChannelAddress("Café") }
        #expect(throws: ChannelAddressError.senderIDInvalidCharacter("\u{0661}")) { try ChannelAddress("\u{0661}\u{0662}\u{0663}\u{0664}\u{0665}") }
    }

    @Test func channelAddressCodableAsString() throws {
        let addresses = [try ChannelAddress("whatsapp:+14155550100"), try ChannelAddress("ACME")]
        let data = try JSONEncoder().encode(addresses)
        #expect(String(decoding: data, as: UTF8.self) == #"["whatsapp:+14155550100","ACME"]"#)
        #expect(try JSONDecoder().decode([ChannelAddress].self, from: data) == addresses)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ChannelAddress].self, from: Data(#"["sip:alice"]"#.utf8))
        }
    }
}
