import Hummingbird

/// Lookup v2 (`https://lookups.twilio.com/v2/…`): phone number validation, formatting and the
/// simulated data packages.
struct LookupsController {
    let lookups: LookupsFacade

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("PhoneNumbers/{PhoneNumber}", use: fetch)
    }

    /// FetchPhoneNumber: `Fields` and `CountryCode` (for national-format input) are honoured; the
    /// identity and risk parameters are accepted and ignored.
    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let query = request.query
        let fields = try PhoneNumberLookupAnswer.fields(query)
        let answer = await lookups.lookUp(try context.decodedParameter("PhoneNumber"), countryCode: query.first("CountryCode"), fields: fields)
        return SandboxResponse.json(answer.json)
    }
}
