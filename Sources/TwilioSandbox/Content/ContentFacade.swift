import Foundation

/// Content's one entrance: the templates (`HX…`) of every account, their WhatsApp approval, and
/// their rendering for a message; the main account starts with the demo ones.
struct ContentFacade: Sendable {
    private let templates: ResourceStore<ContentRecord>

    /// The templates `store` kept; a new state (no store, or a new file) holds `accountSID`'s
    /// demo templates.
    init(accountSID: String, store: SandboxStore?) throws {
        templates = try ResourceStore(store: store) { DemoContent.make(accountSID: accountSID, now: Date()) }
    }

    /// CreateContent: a JSON body `{"friendly_name", "language", "variables", "types"}`.
    func create(_ text: String, accountSID: String) async throws(SandboxError) -> ContentRecord {
        let parts = try ContentTypeRules.validate(try Self.parse(text))
        let template = ContentRecord(sid: SID.make("HX"), accountSID: accountSID, friendlyName: parts.friendlyName, language: parts.language,
                                     variables: parts.variables, types: parts.types, dateCreated: Date())
        await templates.save(template)
        return template
    }

    /// The template `sid` of `accountSID`.
    func template(_ sid: String, accountSID: String) async -> ContentRecord? {
        await templates.record(sid, accountSID: accountSID)
    }

    /// The template a message names by `ContentSid`: one of the account's, else Twilio's 21655.
    func template(forMessage sid: String, accountSID: String) async throws(SandboxError) -> ContentRecord {
        guard SID.isValid(sid, prefix: "HX"), let template = await template(sid, accountSID: accountSID) else {
            throw SandboxError(.badRequest, code: 21655, "The ContentSid is Invalid: \(sid) is not a Content template of this account")
        }
        return template
    }

    /// The account's templates, oldest first.
    func list(accountSID: String) async -> [ContentRecord] {
        await templates.records(of: accountSID)
    }

    /// Deletes `template`.
    func delete(_ template: ContentRecord) async {
        await templates.delete(template.sid, accountSID: template.accountSID)
    }

    /// CreateApprovalCreate: submits `template` to WhatsApp (`{"name", "category"}`); Twilio has
    /// `received` it, and the sandbox's `/sandbox/content/{sid}/approval` plays WhatsApp's answer.
    func submitForApproval(_ template: ContentRecord, body text: String) async throws(SandboxError) -> WhatsAppApproval {
        let body = try Self.parse(text)
        guard case .string(let name)? = body["name"], !name.isEmpty else { throw .missingV2Parameter("name") }
        guard case .string(let category)? = body["category"] else { throw .missingV2Parameter("category") }
        guard WhatsAppApproval.categories.contains(category) else { throw .invalidV2Parameter("category", category) }
        let approval = WhatsAppApproval(submitting: template, name: name, category: category, status: .received)
        _ = await templates.modify(template.sid) { $0.whatsAppApproval = approval }
        return approval
    }

    /// Sets the WhatsApp approval status of `template` (WhatsApp's review, played by the sandbox);
    /// `rejectionReason` goes with `rejected`.
    func setApprovalStatus(_ status: WhatsAppApproval.Status, rejectionReason: String?, of template: ContentRecord) async -> ContentRecord {
        await templates.modify(template.sid) { template in
            var approval = template.whatsAppApproval
                ?? WhatsAppApproval(submitting: template, name: template.friendlyName, category: "UTILITY", status: status)
            approval.status = status
            approval.rejectionReason = status == .rejected ? rejectionReason ?? "" : ""
            template.whatsAppApproval = approval
        } ?? template
    }

    /// A CreateContent or approval body: a JSON object.
    private static func parse(_ text: String) throws(SandboxError) -> SandboxJSON {
        do { return try SandboxJSONParser.parse(text) } catch {
            throw SandboxError(.badRequest, code: 20001, "The body is not valid JSON: \(error.reason) at offset \(error.offset)")
        }
    }
}
