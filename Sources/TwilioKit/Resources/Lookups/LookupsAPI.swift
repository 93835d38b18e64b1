/// Lookup v2: phone number formatting, validation and data packages.
public struct LookupsAPI: Sendable {
    let client: TwilioClient

    /// Looks up `phoneNumber` (E.164, or national format with ``PhoneNumberLookupParameters/countryCode``).
    ///
    /// ```swift
    /// let lookup = try await client.lookups.fetch("+14155550100", .init(fields: [.lineTypeIntelligence]))
    /// ```
    public func fetch(_ phoneNumber: String, _ parameters: PhoneNumberLookupParameters = .init()) async throws(TwilioError) -> PhoneNumberLookup {
        try await client.send(TwilioRequest(.get, .lookups, "/v2/PhoneNumbers/" + TwilioRequest.segment(phoneNumber), query: parameters.query))
    }
}

extension TwilioClient {
    /// Lookup v2.
    public var lookups: LookupsAPI { LookupsAPI(client: self) }
}
