import Foundation
import TwilioKit

/// The component dialect's output conventions (seeds 002–004): camelCase fields, phone numbers as
/// `{rawNumber}`, dates as `{dateTime, zoneId}`, the price unit as a `currency` object.
enum ComponentRendering {
    static let dateFields: Set<String> = ["dateCreated", "dateUpdated", "dateSent", "startTime", "endTime"]

    /// A Twilio model in the component shape.
    static func render(_ model: some Encodable, phoneNumberFields: Set<String> = ["from"]) -> [String: JSONValue] {
        var fields = ModelRendering.camelCase(model)
        for name in dateFields {
            if case .string(let iso)? = fields[name] { fields[name] = dateTime(iso) }
        }
        for name in phoneNumberFields {
            if case .string(let number)? = fields[name] { fields[name] = ["rawNumber": .string(number)] }
        }
        if case .string(let code)? = fields.removeValue(forKey: "priceUnit") { fields["currency"] = currency(code) }
        return fields
    }

    /// `2023-08-24T05:01:45Z` → `{"dateTime": "2023-08-24T05:01:45", "zoneId": "UTC"}`.
    static func dateTime(_ iso: String) -> JSONValue {
        ["dateTime": .string(iso.hasSuffix("Z") ? String(iso.dropLast()) : iso), "zoneId": "UTC"]
    }

    /// ISO 4217 details of a currency code (`USD` → 2 fraction digits, numeric code 840).
    static func currency(_ code: String) -> JSONValue {
        let details = knownCurrencies[code.uppercased()]
        return ["currencyCode": .string(code.uppercased()),
                "defaultFractionDigits": details.map { .number(Double($0.digits)) } ?? .null,
                "numericCode": details.map { .number(Double($0.numeric)) } ?? .null]
    }

    private static let knownCurrencies: [String: (digits: Int, numeric: Int)] = [
        "USD": (2, 840), "EUR": (2, 978), "GBP": (2, 826), "JPY": (0, 392), "CAD": (2, 124), "AUD": (2, 36),
        "BRL": (2, 986), "INR": (2, 356), "MXN": (2, 484), "CHF": (2, 756), "SEK": (2, 752), "SGD": (2, 702),
    ]
}
