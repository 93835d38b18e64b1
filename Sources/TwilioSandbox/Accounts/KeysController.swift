import Foundation
import Hummingbird
import TwilioKit

/// `POST /2010-04-01/Accounts/{AccountSid}/Keys.json`: issues an API key, whose secret is shown once.
struct KeysController {
    let accounts: AccountDirectory

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Keys.json", use: create)
    }

    /// CreateKey: `FriendlyName`; the answer is the only one that shows the secret.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let key = await accounts.issueKey(accountSID: account, friendlyName: try await request.form().first("FriendlyName"))
        let date = SandboxJSON.string(TwilioDateFormat.rfc2822String(from: key.dateCreated))
        return SandboxResponse.json(.object([
            ("sid", .string(key.sid)), ("friendly_name", .optional(key.friendlyName)),
            ("date_created", date), ("date_updated", date), ("secret", .string(key.secret)),
        ]), status: .created)
    }
}
