import Hummingbird
import TwilioKit

/// `POST /sandbox/numbers`: gives the caller's account another number.
struct NumberProvisioningController {
    let phoneNumbers: PhoneNumbersFacade

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("numbers", use: provision)
    }

    /// Provisions form or JSON `PhoneNumber` (E.164); 21422 when another account owns it.
    @Sendable func provision(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let raw = try await request.flexibleForm().required("PhoneNumber")
        do { _ = try E164PhoneNumber(raw) } catch {
            throw SandboxError.invalidParameter("PhoneNumber", raw, rule: "must be E.164 (\(error))")
        }
        if let owner = await phoneNumbers.owner(of: raw), owner.accountSID != account {
            throw SandboxError(.conflict, code: 21422, "\(raw) belongs to another account")
        }
        return SandboxResponse.json(await phoneNumbers.provision(raw, accountSID: account).json, status: .created)
    }
}
