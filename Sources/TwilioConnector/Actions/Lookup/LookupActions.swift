import TwilioKit

/// Lookup v2: formatting, validation and data packages of a phone number.
enum LookupActions {
    static let lookupPhoneNumber = CoreAction(
        "lookupPhoneNumber", title: "Lookup Phone Number",
        summary: "Validate and format a phone number and, with Fields, get its line type, carrier, caller name and more.",
        parameters: [
            .init("PhoneNumber", .string(.nonEmpty), required: true,
                  "The number: E.164 (+14155550100), or national format (415 555 0100) with CountryCode."),
            .init("CountryCode", .string(.maxLength(2)), "The ISO 3166-1 alpha-2 country of a national-format number, such as US."),
            .init("Fields", .choiceList(LookupField.allCases.map(\.rawValue)),
                  "The data packages to return, such as line_type_intelligence or caller_name; none gives the free basic lookup."),
        ]
    ) { input, context throws(ActionFailure) in
        let number = try input.required("PhoneNumber")
        let country = input.string("CountryCode")?.uppercased()
        var checks = ValueChecks()
        if let country {
            checks.expect(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isLetter }, "CountryCode",
                          "must be two letters (ISO 3166-1 alpha-2) such as US", value: country)
        } else {
            checks.expect(ValueChecks.isPhoneNumber(number), "PhoneNumber",
                          "must be an E.164 phone number such as +14155550100 (or give CountryCode with a national number)", value: number)
        }
        try checks.finish()
        let parameters = PhoneNumberLookupParameters(
            fields: Set(input.strings("Fields").compactMap(LookupField.init(rawValue:))), countryCode: country)
        return try await twilio { () async throws(TwilioError) in try await context.client.lookups.fetch(number, parameters) }
    }
}
