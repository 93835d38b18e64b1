import Foundation

/// Identifiers of the store's records: a prefix naming the kind (`evt`, `sub`, `dlv`) and 32
/// random hexadecimal digits, unique across instances without coordination.
enum StoreIdentifier {
    /// A new identifier with `prefix`: 128 bits from the system's secure generator (`getrandom`,
    /// where Foundation's `UUID()` opens and reads `/dev/urandom` each time).
    static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + "_" + hexDigits(generator.next()) + hexDigits(generator.next())
    }

    /// `value` as 16 lowercase hexadecimal digits.
    private static func hexDigits(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension Date {
    /// Milliseconds since 1970, as the store keeps times.
    var storeMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    /// The time `milliseconds` after 1970.
    init(storeMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The time `duration` after this one, to the millisecond.
    static func + (date: Date, duration: Duration) -> Date {
        Date(storeMilliseconds: date.storeMilliseconds + duration.milliseconds)
    }
}

extension Duration {
    /// The duration in whole milliseconds.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
