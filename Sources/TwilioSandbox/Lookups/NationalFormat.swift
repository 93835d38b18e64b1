/// How numbers are written nationally (Lookup's `national_format`): each detailed plan's
/// convention, and spaced groups of three digits after the trunk prefix for every other country.
enum NationalFormat {
    /// `national` (a valid national significant number) written as people in its country write it.
    static func format(_ national: String, plan: NumberingPlan) -> String {
        let digits = Array(national)
        let count = digits.count
        func part(_ range: Range<Int>) -> String { String(digits[range.clamped(to: 0..<count)]) }
        /// `trunk`, then groups of the `leading` sizes, then the remaining digits.
        func groups(_ leading: [Int], trunk: String = "0", separator: String = " ") -> String {
            var start = 0
            var parts: [String] = []
            for size in leading {
                parts.append(part(start..<(start + size)))
                start += size
            }
            if start < count { parts.append(part(start..<count)) }
            return trunk + parts.joined(separator: separator)
        }
        switch plan {
        case .nanp:
            return "(\(part(0..<3))) \(part(3..<6))-\(part(6..<10))"
        case .gb:
            if national.hasPrefix("2") { return groups([2, 4]) }
            if national.hasPrefix("7") || national.hasPrefix("1") { return groups([4]) }
            return groups([3, 3])
        case .de:
            return groups([["30", "40", "69", "89"].contains(part(0..<2)) ? 2 : 3])
        case .fr:
            return groups([1, 2, 2, 2])
        case .in:
            return plan.isMobile(national) == true ? groups([5]) : groups([2, 4])
        case .br:
            return "(\(part(0..<2))) \(part(2..<(count - 4)))-\(part((count - 4)..<count))"
        case .au:
            return national.hasPrefix("4") ? groups([3, 3]) : "(0\(part(0..<1))) \(part(1..<5)) \(part(5..<count))"
        case .jp:
            if count == 10 { return groups([2, 4], separator: "-") }
            return national.hasPrefix("3") || national.hasPrefix("6") ? groups([1, 4], separator: "-") : groups([2, 3], separator: "-")
        case .mx:
            return ["33", "55", "81"].contains(part(0..<2)) ? groups([2, 4], trunk: "") : groups([3, 3], trunk: "")
        case .es:
            return groups([3, 2, 2], trunk: "")
        case .it:
            if national.hasPrefix("3") { return groups(count == 10 ? [3, 3] : [3], trunk: "") }
            return national.hasPrefix("02") || national.hasPrefix("06") ? groups([2, 4], trunk: "") : groups([4], trunk: "")
        case .nl:
            if national.hasPrefix("6") { return groups([1]) }
            return twoDigitDutchAreas.contains(part(0..<2)) ? groups([2, 3]) : groups([3])
        case .cn:
            if plan.isMobile(national) == true { return groups([3, 4], trunk: "") }
            if national.hasPrefix("10") || national.hasPrefix("2") { return groups([2, 4]) }
            return groups([3, count == 11 ? 4 : 3])
        }
    }

    /// A number of a country without a detailed plan: the trunk prefix, then groups of three
    /// digits, the last one of four when four remain (`0` + `1234567890` gives `0123 456 7890`).
    static func format(_ national: String, trunk: String?) -> String {
        var groups: [String] = []
        var rest = Substring(national)
        while !rest.isEmpty {
            let size = rest.count == 4 ? 4 : 3
            groups.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return (trunk ?? "") + groups.joined(separator: " ")
    }

    /// Dutch area codes of two digits (the others have three).
    private static let twoDigitDutchAreas: Set<String> = [
        "10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43", "45", "46", "50", "53",
        "55", "58", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
    ]
}
