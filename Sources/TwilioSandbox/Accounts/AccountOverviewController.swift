import Hummingbird

/// `GET /sandbox`: the caller's account at a glance: its numbers, and the magic numbers that
/// make messages fail.
struct AccountOverviewController {
    let phoneNumbers: PhoneNumbersFacade

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("", use: overview)
    }

    /// The account's SID, its numbers, and the magic numbers.
    @Sendable func overview(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let numbers = await phoneNumbers.list(accountSID: account)
        return SandboxResponse.json(.object([
            ("account_sid", .string(account)),
            ("phone_numbers", .array(numbers.map { .string($0.phoneNumber) })),
            ("magic_numbers", .object([
                ("valid_from", "+15005550006"),
                ("handset_unreachable", "+15005550010"),
                ("handset_filtered", "+15005550011"),
            ])),
        ]))
    }
}
