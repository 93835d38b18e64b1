import Hummingbird

/// `/sandbox/content/{ContentSid}/approval`: WhatsApp's review of a template, played by hand —
/// `Status` (`approved`, `rejected`, `paused`, `disabled`, `pending`, `received`, `unsubmitted`)
/// and, for a rejection, `RejectionReason`. Answers the template's `approval_fetch`.
struct ContentInspectionController {
    let content: ContentFacade

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("content/{ContentSid}/approval", use: setApproval)
    }

    /// Sets the template's WhatsApp approval status.
    @Sendable func setApproval(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.account
        let sid = try context.parameters.require("ContentSid")
        guard let template = await content.template(sid, accountSID: account) else {
            throw SandboxError.notFound("/sandbox/content/\(sid)/approval")
        }
        let form = try await request.flexibleForm()
        guard let status = try form.oneOf("Status", WhatsAppApproval.Status.allCases) else { throw SandboxError.missingParameter("Status") }
        let updated = await content.setApprovalStatus(status, rejectionReason: form.first("RejectionReason"), of: template)
        return SandboxResponse.json(updated.approvalFetchJSON)
    }
}
