/// The Applications of every account.
actor ApplicationStore {
    private var applications: RecordTable<ApplicationRecord>

    /// The applications `store` kept, or none.
    init(store: SandboxStore?) throws {
        applications = try RecordTable(store: store)
    }

    func save(_ application: ApplicationRecord) {
        applications.save(application)
    }

    /// The application `sid` of `accountSID`.
    func application(_ sid: String, accountSID: String) -> ApplicationRecord? {
        applications[sid, of: accountSID]
    }

    /// The account's applications, oldest first, with ListApplication's `FriendlyName` filter.
    func list(accountSID: String, friendlyName: String?) -> [ApplicationRecord] {
        applications.oldestFirst.filter { application in
            application.accountSID == accountSID && (friendlyName.map { application.friendlyName == $0 } ?? true)
        }
    }

    func delete(_ sid: String, accountSID: String) -> Bool {
        applications.remove(sid, of: accountSID)
    }

    /// The settings that handle `number`'s calls (`\.voiceApplicationSID`) or messages
    /// (`\.smsApplicationSID`): that Application's, else the number's own.
    func settings(of number: OwnedNumber, handledBy application: KeyPath<OwnedNumber, String?>) -> WebhookSettings {
        number[keyPath: application].flatMap { self.application($0, accountSID: number.accountSID)?.webhooks } ?? number.webhooks
    }
}
