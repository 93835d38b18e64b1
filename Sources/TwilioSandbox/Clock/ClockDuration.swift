import Foundation

/// A span of sandbox time as `POST /sandbox/clock` takes it: whole numbers with units, largest
/// first (`25h`, `1d2h30m`, `90m`, `45s`), or plain seconds (`3600`). Never negative: the
/// sandbox's time only moves forward.
struct ClockDuration: Sendable, Equatable {
    /// The span, in seconds.
    let seconds: Double

    /// The seconds each unit stands for.
    private static let units: [Character: Double] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]

    /// Parses `text`; `nil` when it is not a duration.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let plain = Double(trimmed) {
            guard plain >= 0, plain.isFinite else { return nil }
            seconds = plain
            return
        }
        var total: Double = 0
        var digits = ""
        for character in trimmed {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if let unit = Self.units[character], let value = Double(digits) {
                total += value * unit
                digits = ""
            } else {
                return nil
            }
        }
        guard digits.isEmpty, !trimmed.isEmpty else { return nil }
        seconds = total
    }
}
