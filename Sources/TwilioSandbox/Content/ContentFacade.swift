import Foundation

/// Content's one entrance: the templates (`HX…`) of every account; the main account starts with
/// the demo ones.
struct ContentFacade: Sendable {
    private let templates: ResourceStore<ContentRecord>

    /// The templates `store` kept; a new state (no store, or a new file) holds `accountSID`'s
    /// demo templates.
    init(accountSID: String, store: SandboxStore?) throws {
        templates = try ResourceStore(store: store) { DemoContent.make(accountSID: accountSID, now: Date()) }
    }

    /// CreateContent: a JSON body `{"friendly_name", "language", "variables", "types"}`.
    func create(_ text: String, accountSID: String) async throws(SandboxError) -> ContentRecord {
        let body: SandboxJSON
        do { body = try SandboxJSONParser.parse(text) } catch {
            throw SandboxError(.badRequest, code: 20001, "The body is not valid JSON: \(error.reason) at offset \(error.offset)")
        }
        let parts = try ContentTypeRules.validate(body)
        let template = ContentRecord(sid: SID.make("HX"), accountSID: accountSID, friendlyName: parts.friendlyName, language: parts.language,
                                     variables: parts.variables, types: parts.types, dateCreated: Date())
        await templates.save(template)
        return template
    }

    /// The template `sid` of `accountSID`.
    func template(_ sid: String, accountSID: String) async -> ContentRecord? {
        await templates.record(sid, accountSID: accountSID)
    }

    /// The account's templates, oldest first.
    func list(accountSID: String) async -> [ContentRecord] {
        await templates.records(of: accountSID)
    }

    /// Deletes `template`.
    func delete(_ template: ContentRecord) async {
        await templates.delete(template.sid, accountSID: template.accountSID)
    }
}
