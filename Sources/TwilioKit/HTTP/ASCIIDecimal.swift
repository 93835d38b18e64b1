/// Decimal numbers read from ASCII bytes, for the formats TwilioKit parses by hand (dates, HTTP).
enum ASCIIDecimal {
    /// The number `digits` spell: one to `maximumCount` decimal digits and nothing else.
    static func value(of digits: some Collection<UInt8>, maximumCount: Int) -> Int? {
        guard (1...maximumCount).contains(digits.count) else { return nil }
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
