import Foundation

/// The Content templates of every account; the main account starts with the demo ones.
actor ContentState {
    private var templates: RecordTable<ContentRecord>

    /// The templates `store` kept; a new state (no store, or a new file) holds `accountSID`'s
    /// demo templates.
    init(accountSID: String, store: SandboxStore?) throws {
        templates = try RecordTable(store: store)
        guard store?.isNew ?? true else { return }
        for template in DemoContent.make(accountSID: accountSID, now: Date()) {
            templates.save(template)
        }
    }

    /// Stores a template.
    func insert(_ template: ContentRecord) {
        templates.save(template)
    }

    /// The template `sid` of `accountSID`.
    func template(_ sid: String, accountSID: String) -> ContentRecord? {
        templates[sid, of: accountSID]
    }

    /// Deletes template `sid`.
    func delete(_ sid: String, accountSID: String) -> Bool {
        templates.remove(sid, of: accountSID)
    }

    /// The account's templates, oldest first.
    func list(accountSID: String) -> [ContentRecord] {
        templates.oldestFirst.filter { $0.accountSID == accountSID }
    }
}
