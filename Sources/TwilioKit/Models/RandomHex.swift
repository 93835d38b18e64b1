/// Random lowercase hexadecimal digits for identifiers and tokens, from the system's secure
/// generator (`getrandom`; Foundation's `UUID()` opens and reads `/dev/urandom` each time).
public enum RandomHex {
    /// `16 × words` digits: `words` 64-bit draws.
    public static func digits(words: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<words).map { _ in
            let digits = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
