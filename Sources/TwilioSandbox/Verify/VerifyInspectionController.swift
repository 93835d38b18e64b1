import Foundation
import Hummingbird
import TwilioKit

/// `/sandbox/verifications/…`: what Verify sent to a simulated user, so a test can read the code
/// the user would have received, and make a verification expire without waiting ten minutes.
struct VerifyInspectionController {
    let verify: VerifyFacade

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("verifications/{To}", use: latest)
        group.post("verifications/{To}/expire", use: expire)
    }

    /// The latest verification to `To` (E.164 or email) in any of the account's services: its code,
    /// status, counters and every delivery.
    @Sendable func latest(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let to = try context.decodedParameter("To")
        return try Self.answer(await verify.latest(to: to, accountSID: account), to: to)
    }

    /// Expires the account's open verifications to `To`, as if their ten minutes were over.
    @Sendable func expire(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let to = try context.decodedParameter("To")
        return try Self.answer(await verify.expire(to: to, accountSID: account), to: to)
    }

    /// The verification as the inspection API shows it; 404 when there is none to `to`.
    private static func answer(_ verification: VerificationRecord?, to: String) throws(SandboxError) -> Response {
        guard let verification else { throw .notFound("/sandbox/verifications/\(to)") }
        return SandboxResponse.json(.object([
            ("to", .string(verification.to)),
            ("verification_sid", .string(verification.sid)),
            ("service_sid", .string(verification.serviceSID)),
            ("channel", .string(verification.channel)),
            ("status", .string(verification.status.rawValue)),
            ("code", .string(verification.code)),
            ("send_code_attempts", .int(verification.sendAttempts.count)),
            ("wrong_checks", .int(verification.wrongChecks)),
            ("expires_at", .string(TwilioDateFormat.iso8601String(from: verification.expiresAt))),
            ("deliveries", .array(verification.deliveries.map(\.json))),
        ]))
    }
}
