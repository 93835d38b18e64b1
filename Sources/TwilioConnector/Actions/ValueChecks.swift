import Foundation
import TwilioKit

/// Rules a declarative ``ParameterSpec`` cannot express because they depend on another
/// parameter's value (`useTemplate`, `Channel`) or on the machine (an existing file). Actions run
/// them first in `perform`, so a broken rule still means nothing was sent.
struct ValueChecks {
    private var issues: [ValidationIssue] = []

    /// Records that `parameter` breaks `rule` unless `condition` holds.
    mutating func expect(_ condition: Bool, _ parameter: String, _ rule: String, value: String? = nil,
                         kind: ValidationIssue.Kind = .invalid) {
        if !condition { report(parameter, rule, value: value, kind: kind) }
    }

    /// Records that `parameter` breaks `rule`.
    mutating func report(_ parameter: String, _ rule: String, value: String? = nil, kind: ValidationIssue.Kind = .invalid) {
        issues.append(ValidationIssue(parameter: parameter, rule: rule, value: value, kind: kind))
    }

    /// Throws every issue recorded, as invalid input.
    func finish() throws(ActionFailure) {
        if !issues.isEmpty { throw .invalidInput(issues) }
    }

    /// Whether `text` is an E.164 phone number.
    static func isPhoneNumber(_ text: String) -> Bool {
        (try? E164PhoneNumber(text)) != nil
    }

    /// Whether `text` looks like an email address: `local@domain.tld`, no spaces.
    static func isEmailAddress(_ text: String) -> Bool {
        text.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s.]+$"#, options: .regularExpression) != nil
    }

    /// Whether `text` is 4 to 10 ASCII digits (a verification code).
    static func isVerificationCode(_ text: String) -> Bool {
        (4...10).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
