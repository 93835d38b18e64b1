import Foundation
import TwilioKit

/// Lookup's basic answer about a phone number: its E.164 form, country and national format, and
/// whether it is valid, or why not (`validation_errors`, with libphonenumber's reasons as Twilio
/// reports them).
struct PhoneNumberAnalysis: Sendable, Equatable {
    /// Why a number is invalid: TwilioKit's `validation_errors` reasons (libphonenumber's).
    typealias Problem = PhoneNumberLookup.ValidationError

    /// The number in E.164 form (`+` and its digits) or, when it is not a number, as given.
    let phoneNumber: String
    /// The country calling code, without `+` (`nil` when invalid).
    let callingCode: String?
    /// The national significant number: the digits after the calling code.
    let national: String
    /// The region, ISO 3166-1 alpha-2 (`nil` when invalid).
    let region: String?
    /// The national format (`nil` when invalid).
    let nationalFormat: String?
    /// The detailed plan the number follows, if the sandbox knows its country in detail.
    let plan: NumberingPlan?
    /// Why the number is invalid; `nil` when it is valid.
    let problem: Problem?

    /// Whether the number is in a range that can be assigned.
    var isValid: Bool { problem == nil }

    /// Analyses `input`: E.164 (`+14155550100`, separators allowed), `00` and the international
    /// number, or a national number of `countryCode` (ISO alpha-2; without one, North America as
    /// Lookup assumes). A national trunk prefix (`0` in most countries, `1` in NANP) is dropped.
    init(_ input: String, countryCode: String?) {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        let stripped = trimmed.filter { !" -.()/\u{A0}".contains($0) }
        let international = stripped.hasPrefix("+") || stripped.hasPrefix("00")
        let digits = stripped.hasPrefix("+") ? String(stripped.dropFirst()) : stripped.hasPrefix("00") ? String(stripped.dropFirst(2)) : stripped
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            self.init(invalid: trimmed, national: "", problem: .notANumber)
            return
        }
        if international {
            self.init(international: digits)
            return
        }
        guard let entry = CallingCodeTable.entry(region: countryCode ?? "US") else {
            self.init(invalid: "+" + digits, national: digits, problem: .invalidCountryCode)
            return
        }
        var national = digits
        if let trunk = entry.trunk, national.hasPrefix(trunk), entry.code != "1" || national.count == 11 {
            national.removeFirst(trunk.count)
        }
        self.init(callingCode: entry.code, national: national)
    }

    /// An international number: its calling code first (calling codes are prefix-free).
    private init(international digits: String) {
        guard let code = (1...3).lazy.map({ String(digits.prefix($0)) }).first(where: { CallingCodeTable.entry(code: $0) != nil }) else {
            self.init(invalid: "+" + digits, national: "", problem: .invalidCountryCode)
            return
        }
        self.init(callingCode: code, national: String(digits.dropFirst(code.count)))
    }

    /// A number with a known calling code: checked against the detailed plan, or the code's lengths.
    private init(callingCode: String, national: String) {
        let e164 = "+" + callingCode + national
        let plan = NumberingPlan(rawValue: callingCode)
        let lengths = plan?.lengths ?? CallingCodeTable.entry(code: callingCode)?.lengths ?? []
        let problem: Problem? = if let shortest = lengths.first, national.count < shortest { .tooShort }
            else if let longest = lengths.last, national.count > longest || callingCode.count + national.count > 15 { .tooLong }
            else if !lengths.contains(national.count) { .invalidLength }
            else if let plan, !plan.isValid(national) { .invalidButPossible }
            else { nil }
        if let problem {
            self.init(invalid: e164, national: national, problem: problem)
            return
        }
        let entry = CallingCodeTable.entry(code: callingCode)
        self.init(phoneNumber: e164, callingCode: callingCode, national: national,
                  region: plan?.region(of: national) ?? entry?.regions.first,
                  nationalFormat: plan.map { NationalFormat.format(national, plan: $0) } ?? NationalFormat.format(national, trunk: entry?.trunk),
                  plan: plan, problem: nil)
    }

    private init(invalid phoneNumber: String, national: String, problem: Problem) {
        self.init(phoneNumber: phoneNumber, callingCode: nil, national: national, region: nil, nationalFormat: nil, plan: nil, problem: problem)
    }

    private init(phoneNumber: String, callingCode: String?, national: String, region: String?, nationalFormat: String?,
                 plan: NumberingPlan?, problem: Problem?) {
        self.phoneNumber = phoneNumber
        self.callingCode = callingCode
        self.national = national
        self.region = region
        self.nationalFormat = nationalFormat
        self.plan = plan
        self.problem = problem
    }
}
