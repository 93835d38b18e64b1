/// The sandbox's deterministic `sms_pumping_risk`.
///
/// The score starts from the line type (mobile 5, landline 40, toll-free and VoIP 55), plus the
/// sum of the number's digits modulo 20. `+15005550009` (the magic "not a mobile number") is the
/// sandbox's known pumping target: score 95, blocked by Fraud Guard. Categories follow the score:
/// 0–24 `low`, 25–49 `mild`, 50–74 `moderate`, 75–100 `high`.
enum SMSPumpingRiskRule {
    /// The number Fraud Guard blocks.
    static let blockedNumber = "+15005550009"
    /// When Fraud Guard blocked ``blockedNumber``.
    static let blockedDate = "2024-01-15T09:30:00Z"

    /// The `sms_pumping_risk` object of a valid number.
    static func json(for number: PhoneNumberAnalysis, lineType: LineTypeRule.Answer) -> SandboxJSON {
        let blocked = number.phoneNumber == blockedNumber
        let base = switch lineType.type {
        case "mobile": 5
        case "landline": 40
        default: 55
        }
        let score = blocked ? 95 : base + number.national.compactMap(\.wholeNumberValue).reduce(0, +) % 20
        return .object([
            ("carrier_risk_category", .string(category(of: score))),
            ("number_blocked", .bool(blocked)),
            ("number_blocked_date", blocked ? .string(blockedDate) : .null),
            ("number_blocked_last_3_months", .bool(blocked)),
            ("sms_pumping_risk_score", .int(score)),
            ("error_code", .null),
        ])
    }

    /// The category of a score.
    static func category(of score: Int) -> String {
        switch score {
        case ..<25: "low"
        case ..<50: "mild"
        case ..<75: "moderate"
        default: "high"
        }
    }
}
