import Foundation
import TwilioKit

/// Identifiers of the store's records: a prefix naming the kind (`evt`, `sub`, `dlv`) and 32
/// random hexadecimal digits, unique across instances without coordination.
enum StoreIdentifier {
    /// A new identifier with `prefix`.
    static func make(_ prefix: String) -> String {
        prefix + "_" + RandomHex.digits(words: 2)
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
