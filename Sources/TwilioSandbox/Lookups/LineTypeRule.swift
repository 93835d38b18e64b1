/// The sandbox's deterministic line type intelligence: the same number always gets the same answer.
///
/// - A number a sandbox account owns: `nonFixedVoip`, carrier `Twilio - SMS/MMS-SVR` (MCC 240,
///   MNC 38), as Twilio reports its own numbers.
/// - A North American toll-free number (800, 833, 844, 855, 866, 877, 888): `tollFree`, no carrier.
/// - Where the national plan tells mobile ranges apart (every detailed plan but NANP and Mexico),
///   the range decides `mobile` or `landline`; elsewhere the last digit does: even is `mobile`,
///   odd is `landline`.
/// - A mobile number's carrier is one of its country's main networks (with their real MCC/MNC),
///   picked by the sum of the number's digits; a landline gets the country's incumbent operator,
///   without MCC/MNC. Countries outside the table get no carrier.
struct LineTypeRule: Sendable {
    /// The line type and carrier of one number.
    struct Answer: Sendable, Equatable {
        /// Lookup's line type (`mobile`, `landline`, `nonFixedVoip`, `tollFree`).
        let type: String
        let carrierName: String?
        let mobileCountryCode: String?
        let mobileNetworkCode: String?

        /// The `line_type_intelligence` object.
        var json: SandboxJSON {
            .object([
                ("error_code", .null),
                ("mobile_country_code", .optional(mobileCountryCode)),
                ("mobile_network_code", .optional(mobileNetworkCode)),
                ("carrier_name", .optional(carrierName)),
                ("type", .string(type)),
            ])
        }
    }

    /// North American toll-free area codes.
    static let tollFreeAreaCodes: Set<String> = ["800", "833", "844", "855", "866", "877", "888"]

    /// The answer for a valid number; `ownedBySandbox` when an account of the sandbox owns it.
    static func answer(for number: PhoneNumberAnalysis, ownedBySandbox: Bool) -> Answer {
        if ownedBySandbox {
            return Answer(type: "nonFixedVoip", carrierName: "Twilio - SMS/MMS-SVR", mobileCountryCode: "240", mobileNetworkCode: "38")
        }
        if number.plan == .nanp, tollFreeAreaCodes.contains(String(number.national.prefix(3))) {
            return Answer(type: "tollFree", carrierName: nil, mobileCountryCode: nil, mobileNetworkCode: nil)
        }
        let lastDigit = number.national.last?.wholeNumberValue ?? 0
        let isMobile = number.plan?.isMobile(number.national) ?? lastDigit.isMultiple(of: 2)
        let networks = number.region.flatMap { carriers[$0] }
        guard isMobile else {
            return Answer(type: "landline", carrierName: networks?.landline, mobileCountryCode: nil, mobileNetworkCode: nil)
        }
        guard let mobile = networks?.mobile, !mobile.isEmpty else {
            return Answer(type: "mobile", carrierName: nil, mobileCountryCode: nil, mobileNetworkCode: nil)
        }
        let digitSum = number.national.compactMap(\.wholeNumberValue).reduce(0, +)
        let network = mobile[digitSum % mobile.count]
        return Answer(type: "mobile", carrierName: network.name, mobileCountryCode: network.mcc, mobileNetworkCode: network.mnc)
    }

    /// A mobile network: its name, mobile country code and mobile network code.
    private typealias Network = (name: String, mcc: String, mnc: String)

    /// Per region: the main mobile networks, and the incumbent landline operator.
    private static let carriers: [String: (mobile: [Network], landline: String)] = [
        "US": ([("T-Mobile USA, Inc.", "310", "260"), ("Verizon Wireless", "311", "480"), ("AT&T Wireless", "310", "410")], "AT&T Corp."),
        "CA": ([("Rogers Communications", "302", "720"), ("Bell Mobility", "302", "610"), ("Telus Mobility", "302", "220")], "Bell Canada"),
        "GB": ([("EE Limited", "234", "30"), ("Vodafone UK", "234", "15"), ("O2 UK", "234", "10"), ("Three UK", "234", "20")], "BT Group"),
        "DE": ([("Telekom Deutschland", "262", "01"), ("Vodafone Germany", "262", "02"), ("Telefonica Germany", "262", "03")], "Deutsche Telekom"),
        "FR": ([("Orange France", "208", "01"), ("SFR", "208", "10"), ("Bouygues Telecom", "208", "20"), ("Free Mobile", "208", "15")], "Orange France"),
        "IN": ([("Reliance Jio", "405", "857"), ("Bharti Airtel", "404", "10"), ("Vodafone Idea", "404", "20")], "BSNL"),
        "BR": ([("Vivo", "724", "06"), ("Claro Brasil", "724", "05"), ("TIM Brasil", "724", "02")], "Telefonica Brasil"),
        "AU": ([("Telstra", "505", "01"), ("Optus", "505", "02"), ("Vodafone Australia", "505", "03")], "Telstra"),
        "JP": ([("NTT DOCOMO", "440", "10"), ("SoftBank", "440", "20"), ("KDDI au", "440", "50")], "NTT East"),
        "MX": ([("Telcel", "334", "020"), ("AT&T Mexico", "334", "050"), ("Movistar Mexico", "334", "030")], "Telmex"),
        "ES": ([("Movistar", "214", "07"), ("Vodafone Spain", "214", "01"), ("Orange Spain", "214", "03")], "Telefonica de Espana"),
        "IT": ([("TIM", "222", "01"), ("Vodafone Italia", "222", "10"), ("WINDTRE", "222", "88")], "TIM"),
        "NL": ([("KPN Mobile", "204", "08"), ("Vodafone Libertel", "204", "04"), ("T-Mobile Netherlands", "204", "16")], "KPN"),
        "CN": ([("China Mobile", "460", "00"), ("China Unicom", "460", "01"), ("China Telecom", "460", "03")], "China Telecom"),
    ]
}
