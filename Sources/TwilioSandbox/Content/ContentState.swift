import Foundation

/// The Content templates of every account; the main account starts with the demo ones.
actor ContentState {
    private var templates: [ContentRecord]

    /// A state holding `accountSID`'s demo templates.
    init(accountSID: String) {
        templates = DemoContent.make(accountSID: accountSID, now: Date())
    }

    /// Stores a template.
    func insert(_ template: ContentRecord) {
        templates.append(template)
    }

    /// The template `sid` of `accountSID`.
    func template(_ sid: String, accountSID: String) -> ContentRecord? {
        templates.first { $0.sid == sid && $0.accountSID == accountSID }
    }

    /// Deletes template `sid`.
    func delete(_ sid: String, accountSID: String) -> Bool {
        guard template(sid, accountSID: accountSID) != nil else { return false }
        templates.removeAll { $0.sid == sid }
        return true
    }

    /// The account's templates, oldest first.
    func list(accountSID: String) -> [ContentRecord] {
        templates.filter { $0.accountSID == accountSID }
    }
}
