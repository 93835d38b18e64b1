/// The national numbering rules the sandbox knows in detail: which national significant numbers
/// (the digits after the country calling code) are valid, which are mobile, and how they are
/// written nationally. Other calling codes fall back on ``CallingCodeTable``'s lengths.
///
/// The rules follow each national plan's published ranges, simplified where the real plan goes
/// down to individual area codes:
/// - NANP (+1): `NXX NXX XXXX`, N = 2–9, neither the area code nor the exchange an `N11` service
///   code; Canadian and a few Caribbean area codes give their region, the rest is US.
/// - GB (+44): 10 digits starting 1, 2, 3, 5, 7, 8 or 9, or 9 digits starting 1; mobile `7[1-57-9]`.
/// - DE (+49): mobile `15`/`16`/`17` with 10–11 digits; other numbers 6–11 digits starting 2–9.
/// - FR (+33): 9 digits starting 1–9; mobile 6 and 7.
/// - IN (+91): 10 digits starting 1–9; mobile 6–9.
/// - BR (+55): a two-digit area code (1–9 each), then 9 digits starting 9 (mobile) or 8 digits
///   starting 2–5 (landline).
/// - AU (+61): 9 digits starting 2, 3, 7, 8 (landline) or 4 (mobile).
/// - JP (+81): 10 digits starting 50, 70, 80, 90 (mobile and IP), or 9 digits starting 1–9.
/// - MX (+52): 10 digits starting 2–9 (Mexico no longer tells mobile from landline by number).
/// - ES (+34): 9 digits starting 6–9; mobile 6 and 7.
/// - IT (+39): mobile `3` with 9–10 digits; landline `0` (kept in international form) with 6–11.
/// - NL (+31): 9 digits starting 1–7; mobile `6`.
/// - CN (+86): mobile `1[3-9]` with 11 digits; landline 10 digits with area `10`/`2X`, or 10–11
///   with a three-digit area code starting 3–9.
///
/// The raw value is the country calling code. National trunk prefixes come from ``CallingCodeTable``.
enum NumberingPlan: String, Sendable {
    case nanp = "1", gb = "44", de = "49", fr = "33", `in` = "91", br = "55", au = "61", jp = "81",
         mx = "52", es = "34", it = "39", nl = "31", cn = "86"

    /// The lengths a national significant number may have, ascending.
    var lengths: [Int] {
        switch self {
        case .nanp, .in, .mx: [10]
        case .fr, .au, .es, .nl: [9]
        case .gb, .jp: [9, 10]
        case .br, .cn: [10, 11]
        case .de, .it: Array(6...11)
        }
    }

    /// Whether `national` (digits of a possible length) is in a range that can be assigned.
    func isValid(_ national: String) -> Bool {
        let digits = Array(national)
        let count = digits.count
        func first(in allowed: String) -> Bool { digits.first.map(allowed.contains) ?? false }
        switch self {
        case .nanp:
            return count == 10 && Self.isNANPCode(digits[0..<3]) && Self.isNANPCode(digits[3..<6])
        case .gb:
            return (count == 10 && first(in: "1235789")) || (count == 9 && first(in: "1"))
        case .de:
            if national.hasPrefix("15") || national.hasPrefix("16") || national.hasPrefix("17") { return (10...11).contains(count) }
            return first(in: "23456789")
        case .fr:
            return first(in: "123456789")
        case .in:
            return first(in: "123456789")
        case .br:
            guard digits.count >= 3, "123456789".contains(digits[0]), "123456789".contains(digits[1]) else { return false }
            return (count == 11 && digits[2] == "9") || (count == 10 && "2345".contains(digits[2]))
        case .au:
            return first(in: "23478")
        case .jp:
            if count == 10 { return ["50", "70", "80", "90"].contains(String(national.prefix(2))) }
            return first(in: "123456789") && !["70", "80", "90"].contains(String(national.prefix(2)))
        case .mx:
            return first(in: "23456789")
        case .es:
            return first(in: "6789")
        case .it:
            if first(in: "3") { return (9...10).contains(count) }
            return first(in: "0")
        case .nl:
            return first(in: "1234567")
        case .cn:
            if first(in: "1") && !national.hasPrefix("10") { return count == 11 && "3456789".contains(digits[1]) }
            if national.hasPrefix("10") || first(in: "2") { return count == 10 }
            return first(in: "3456789")
        }
    }

    /// Whether a valid `national` number is a mobile one; `nil` where the plan does not tell
    /// (NANP, Mexico).
    func isMobile(_ national: String) -> Bool? {
        let prefix = national.prefix(2)
        switch self {
        case .nanp, .mx: return nil
        case .gb: return national.hasPrefix("7") && !["70", "76"].contains(String(prefix))
        case .de: return ["15", "16", "17"].contains(String(prefix))
        case .fr, .es: return national.hasPrefix("6") || national.hasPrefix("7")
        case .in: return national.first.map("6789".contains) ?? false
        case .br: return national.count == 11
        case .au: return national.hasPrefix("4")
        case .jp: return ["70", "80", "90"].contains(String(prefix))
        case .it: return national.hasPrefix("3")
        case .nl: return national.hasPrefix("6")
        case .cn: return national.hasPrefix("1") && !national.hasPrefix("10")
        }
    }

    /// The region (ISO 3166-1 alpha-2) of a valid `national` number.
    func region(of national: String) -> String {
        switch self {
        case .nanp: Self.nanpRegions[String(national.prefix(3))] ?? "US"
        case .gb: "GB"
        case .de: "DE"
        case .fr: "FR"
        case .in: "IN"
        case .br: "BR"
        case .au: "AU"
        case .jp: "JP"
        case .mx: "MX"
        case .es: "ES"
        case .it: "IT"
        case .nl: "NL"
        case .cn: "CN"
        }
    }

    /// An area code or exchange: `NXX`, N = 2–9, and not an `N11` service code.
    private static func isNANPCode(_ code: ArraySlice<Character>) -> Bool {
        guard let first = code.first, ("2"..."9").contains(first) else { return false }
        return Array(code.dropFirst()) != ["1", "1"]
    }

    /// NANP area codes outside the US: Canada's, and a few Caribbean ones.
    private static let nanpRegions: [String: String] = {
        let canada = ["204", "226", "236", "249", "250", "263", "289", "306", "343", "354", "365", "367", "368", "382",
                      "403", "416", "418", "428", "431", "437", "438", "450", "468", "474", "506", "514", "519", "548",
                      "579", "581", "584", "587", "604", "613", "639", "647", "672", "683", "705", "709", "742", "753",
                      "778", "780", "782", "807", "819", "825", "867", "873", "879", "902", "905"]
        var regions = Dictionary(uniqueKeysWithValues: canada.map { ($0, "CA") })
        for (code, region) in [("787", "PR"), ("939", "PR"), ("876", "JM"), ("658", "JM"), ("242", "BS"), ("246", "BB"),
                               ("441", "BM"), ("868", "TT"), ("809", "DO"), ("829", "DO"), ("849", "DO")] {
            regions[code] = region
        }
        return regions
    }()
}
