/// A Lookup v2 data package, requested through `Fields`.
public enum LookupField: String, Sendable, CaseIterable {
    /// Whether the number is valid, and why not (free).
    case validation
    /// The CNAM caller name and type (US numbers).
    case callerName = "caller_name"
    /// When the SIM was last changed.
    case simSwap = "sim_swap"
    /// Whether unconditional call forwarding is on.
    case callForwarding = "call_forwarding"
    /// Whether the number is active or reachable on its network.
    case lineStatus = "line_status"
    /// The line type and carrier.
    case lineTypeIntelligence = "line_type_intelligence"
    /// How well the given identity matches the number's owner.
    case identityMatch = "identity_match"
    /// Whether the number was reassigned since a date (US numbers).
    case reassignedNumber = "reassigned_number"
    /// The risk of SMS pumping fraud.
    case smsPumpingRisk = "sms_pumping_risk"
    /// A quality score of the number.
    case phoneNumberQualityScore = "phone_number_quality_score"
    /// The owner's details, to pre-fill forms.
    case preFill = "pre_fill"

    /// The `Fields` value for `fields`: comma-separated, in a stable order, or `nil` when empty.
    static func parameter(_ fields: Set<LookupField>) -> String? {
        fields.isEmpty ? nil : allCases.filter(fields.contains).map(\.rawValue).joined(separator: ",")
    }
}
