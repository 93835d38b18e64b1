import Hummingbird

/// Lookup v2 (`https://lookups.twilio.com/v2/…`): phone number validation, formatting and the
/// simulated data packages.
struct LookupsController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("PhoneNumbers/{PhoneNumber}", use: fetch)
    }

    /// FetchPhoneNumber: `Fields` and `CountryCode` (for national-format input) are honoured; the
    /// identity and risk parameters are accepted and ignored.
    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let query = request.query
        let fields = try PhoneNumberLookupAnswer.fields(query)
        let analysis = PhoneNumberAnalysis(try context.decodedParameter("PhoneNumber"), countryCode: query.first("CountryCode"))
        let owned = analysis.isValid ? await world.numbers.owner(of: analysis.phoneNumber) != nil : false
        return SandboxResponse.json(PhoneNumberLookupAnswer(analysis: analysis, fields: fields, ownedBySandbox: owned).json)
    }
}
