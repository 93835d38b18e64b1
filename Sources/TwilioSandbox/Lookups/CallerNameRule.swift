/// The sandbox's deterministic CNAM (`caller_name`): US and Canadian numbers only, as Twilio's
/// caller name package covers; elsewhere the package carries error 60607 (Lookup unsupported
/// country).
///
/// Mobile numbers belong to a `CONSUMER` whose name is picked from a fixed list by the number's
/// digits; landline, toll-free and VoIP numbers to a `BUSINESS` picked the same way; numbers a
/// sandbox account owns are `Twilio Sandbox`, a business.
enum CallerNameRule {
    /// The `caller_name` object of a valid number whose line type is `lineType`.
    static func json(for number: PhoneNumberAnalysis, lineType: LineTypeRule.Answer, ownedBySandbox: Bool) -> SandboxJSON {
        guard number.region == "US" || number.region == "CA" else {
            return .object([("caller_name", .null), ("caller_type", .null), ("error_code", 60607)])
        }
        let seed = number.national.compactMap(\.wholeNumberValue).enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        let (name, type): (String, String) = if ownedBySandbox { ("Twilio Sandbox", "BUSINESS") }
            else if lineType.type == "mobile" { (consumers[seed % consumers.count], "CONSUMER") }
            else { (businesses[seed % businesses.count], "BUSINESS") }
        return .object([("caller_name", .string(name)), ("caller_type", .string(type)), ("error_code", .null)])
    }

    private static let consumers = [
        "Sergio Suarez", "Maria Johnson", "James Chen", "Aisha Patel", "Robert Miller", "Emily Davis", "Daniel Kim",
        "Olivia Brown", "Lucas Martin", "Grace Wilson", "Noah Garcia",
    ]

    private static let businesses = [
        "Acme Plumbing", "Bayview Dental", "Golden Gate Bakery", "Summit Insurance", "Harbor Logistics",
        "Pine Street Clinic", "Northwind Traders",
    ]
}
