import Hummingbird
import TwilioKit

/// Verify v2 verifications and checks (`/v2/Services/{ServiceSid}/Verifications…`, `/VerificationCheck`).
struct VerificationsController {
    let verify: VerifyFacade

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Services/{ServiceSid}/Verifications", use: create)
        group.get("Services/{ServiceSid}/Verifications/{Sid}", use: fetch)
        group.post("Services/{ServiceSid}/Verifications/{Sid}", use: update)
        group.post("Services/{ServiceSid}/VerificationCheck", use: check)
    }

    /// CreateVerification; see ``VerificationSimulator``.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let serviceSID = try context.parameters.require("ServiceSid")
        let verification = try await verify.start(try await request.form(), serviceSID: serviceSID, accountSID: account)
        return SandboxResponse.json(verification.json, status: .created)
    }

    /// FetchVerification: 404 once it is approved, canceled or expired.
    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let serviceSID = try context.parameters.require("ServiceSid")
        let sid = try context.parameters.require("Sid")
        guard let verification = await verify.verification(sid, serviceSID: serviceSID, accountSID: try context.account) else {
            throw SandboxError.notFound("/Services/\(serviceSID)/Verifications/\(sid)")
        }
        return SandboxResponse.json(verification.json)
    }

    /// UpdateVerification: `Status` = `approved` or `canceled`.
    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let serviceSID = try context.parameters.require("ServiceSid")
        let sid = try context.parameters.require("Sid")
        let form = try await request.form()
        guard let status = try form.v2OneOf("Status", [VerificationStatusUpdate.approved, .canceled]) else {
            throw SandboxError.missingV2Parameter("Status")
        }
        let verification = try await verify.update(sid, to: status, serviceSID: serviceSID, accountSID: account)
        return SandboxResponse.json(verification.json)
    }

    /// CreateVerificationCheck: `Code` with `To` or `VerificationSid`.
    @Sendable func check(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let serviceSID = try context.parameters.require("ServiceSid")
        guard await verify.service(serviceSID, accountSID: account) != nil else {
            throw SandboxError.notFound("/Services/\(serviceSID)/VerificationCheck")
        }
        let form = try await request.form()
        let verificationSID = try form.v2SID("VerificationSid", prefix: "VE")
        let to = form.first("To")
        guard verificationSID != nil || to != nil else {
            throw SandboxError(.badRequest, code: 60221, "No target verification specified")
        }
        guard let code = form.first("Code"), !code.isEmpty else { throw SandboxError.invalidV2Parameter("Code", "") }
        let verification = try await verify.check(code, verificationSID: verificationSID, to: to, amount: form.first("Amount"),
                                                  payee: form.first("Payee"), serviceSID: serviceSID, accountSID: account)
        return SandboxResponse.json(verification.checkJSON)
    }
}
