import Hummingbird

/// `/sandbox/messaging/geo-permissions`: the countries the account may not send SMS to (`GET`),
/// and switching one off or on (`POST` `Country`=GB, `Enabled`=false). A message to a country
/// switched off is refused with 21408.
struct GeoPermissionsController {
    let permissions: GeoPermissions

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("messaging/geo-permissions", use: show)
        group.post("messaging/geo-permissions", use: change)
    }

    /// `{"disabled_countries": ["GB", …]}`.
    @Sendable func show(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(await json(accountSID: try context.account))
    }

    /// Form or JSON `Country` (ISO 3166-1 alpha-2) and `Enabled` (true or false).
    @Sendable func change(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let form = try await request.flexibleForm()
        let country = try form.required("Country").uppercased()
        guard CallingCodeTable.entry(region: country) != nil else {
            throw SandboxError.invalidParameter("Country", country, rule: "must be an ISO 3166-1 alpha-2 country code such as GB")
        }
        guard let enabled = try form.bool("Enabled") else { throw SandboxError.missingParameter("Enabled") }
        await permissions.set(country, enabled: enabled, accountSID: account)
        return SandboxResponse.json(await json(accountSID: account))
    }

    private func json(accountSID: String) async -> SandboxJSON {
        .object([("disabled_countries", .array(await permissions.disabledCountries(accountSID: accountSID).map(SandboxJSON.string)))])
    }
}
