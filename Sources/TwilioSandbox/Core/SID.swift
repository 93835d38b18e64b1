/// Twilio resource identifiers: a two-letter prefix and 32 lowercase hex digits.
enum SID {
    /// A new random SID with `prefix` (`SM`, `CA`, `PN`, …).
    static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(prefix, using: &generator)
    }

    /// A new SID drawn from `generator`.
    static func make(_ prefix: String, using generator: inout some RandomNumberGenerator) -> String {
        let hex = Array("0123456789abcdef")
        return prefix + String((0..<32).map { _ in hex[Int(generator.next() % 16)] })
    }

    /// The SID with `prefix` that `seed` always gives: for what the sandbox creates at start and a
    /// user names in a command (the demo templates), the same in every sandbox.
    static func derived(_ prefix: String, from seed: String) -> String {
        var generator = SeededGenerator(seed: seed)
        return make(prefix, using: &generator)
    }

    /// Whether `value` is a SID with `prefix`.
    static func isValid(_ value: String, prefix: String) -> Bool {
        value.count == 34 && value.hasPrefix(prefix) && value.dropFirst(2).allSatisfy(\.isHexDigit)
    }
}
