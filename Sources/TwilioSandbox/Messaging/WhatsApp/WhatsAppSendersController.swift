import Hummingbird
import TwilioKit

/// `/sandbox/whatsapp/senders`: the account's WhatsApp senders — listed, registered
/// (`PhoneNumber`, E.164 or `whatsapp:`) and removed (`DELETE …/senders/{Number}`). A message
/// from a `whatsapp:` address that is not one of them fails with 63007.
struct WhatsAppSendersController {
    let senders: WhatsAppSenders

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("whatsapp/senders", use: list)
        group.post("whatsapp/senders", use: register)
        group.delete("whatsapp/senders/{Number}", use: remove)
    }

    /// `{"senders": ["whatsapp:+1…", …]}`.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(await json(accountSID: try context.account))
    }

    /// Registers `PhoneNumber`; answers the senders.
    @Sendable func register(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let number = try await request.flexibleForm().required("PhoneNumber")
        let address = number.lowercased().hasPrefix("whatsapp:") ? number : "whatsapp:" + number
        guard case .whatsApp? = try? ChannelAddress(address) else {
            throw SandboxError.invalidParameter("PhoneNumber", number, rule: "must be an E.164 number such as +14155550100 (or whatsapp:+14155550100)")
        }
        await senders.register(address, accountSID: account)
        return SandboxResponse.json(await json(accountSID: account), status: .created)
    }

    /// Removes `{Number}`; 404 when it is not a sender.
    @Sendable func remove(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let number = try context.parameters.require("Number")
        guard await senders.remove(number, accountSID: account) else { throw SandboxError.notFound(request.uri.path) }
        return SandboxResponse.noContent
    }

    private func json(accountSID: String) async -> SandboxJSON {
        .object([("senders", .array(await senders.list(accountSID: accountSID).map(SandboxJSON.string)))])
    }
}
