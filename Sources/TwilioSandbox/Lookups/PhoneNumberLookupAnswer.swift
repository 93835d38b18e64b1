import Foundation
import TwilioKit

/// The answer of FetchPhoneNumber (`GET /v2/PhoneNumbers/{PhoneNumber}`): the basic validation and
/// formatting, plus the data packages asked for in `Fields`. Every field of the schema is present;
/// packages not asked for, not simulated (`sim_swap`, `call_forwarding`, `line_status`,
/// `identity_match`, `reassigned_number`, `phone_number_quality_score`, `pre_fill`), or asked for an
/// invalid number are `null`.
struct PhoneNumberLookupAnswer: Sendable {
    let analysis: PhoneNumberAnalysis
    let fields: Set<LookupField>
    /// Whether a sandbox account owns the number.
    let ownedBySandbox: Bool

    /// Reads `Fields` (comma-separated): an unknown name is a 60200 error.
    static func fields(_ query: FormParameters) throws(SandboxError) -> Set<LookupField> {
        var fields = Set<LookupField>()
        for name in query.values("Fields").flatMap({ $0.split(separator: ",") }) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let field = LookupField(rawValue: trimmed) else { throw .invalidV2Parameter("Fields", trimmed) }
            fields.insert(field)
        }
        return fields
    }

    /// Twilio's JSON for the answer.
    var json: SandboxJSON {
        let valid = analysis.isValid
        let lineType = valid ? LineTypeRule.answer(for: analysis, ownedBySandbox: ownedBySandbox) : nil
        func package(_ field: LookupField, _ build: (LineTypeRule.Answer) -> SandboxJSON) -> SandboxJSON {
            guard fields.contains(field), let lineType else { return .null }
            return build(lineType)
        }
        let errors: SandboxJSON = if let problem = analysis.problem { [.string(problem.rawValue)] }
            else { fields.isEmpty ? .null : [] }
        return .object([
            ("calling_country_code", .optional(analysis.callingCode)),
            ("country_code", .optional(analysis.region)),
            ("phone_number", .string(analysis.phoneNumber)),
            ("national_format", .optional(analysis.nationalFormat)),
            ("valid", .bool(valid)),
            ("validation_errors", errors),
            ("caller_name", package(.callerName) { CallerNameRule.json(for: analysis, lineType: $0, ownedBySandbox: ownedBySandbox) }),
            ("sim_swap", .null),
            ("call_forwarding", .null),
            ("line_status", .null),
            ("line_type_intelligence", package(.lineTypeIntelligence) { $0.json }),
            ("identity_match", .null),
            ("reassigned_number", .null),
            ("sms_pumping_risk", package(.smsPumpingRisk) { SMSPumpingRiskRule.json(for: analysis, lineType: $0) }),
            ("phone_number_quality_score", .null),
            ("pre_fill", .null),
            ("url", .string("https://lookups.twilio.com/v2/PhoneNumbers/" + analysis.phoneNumber)),
        ])
    }
}
