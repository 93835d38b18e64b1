import Foundation
import TwilioKit

/// Applications' one entrance: the Applications (`AP…`) of every account, whose webhook settings
/// calls and phone numbers use instead of their own.
struct ApplicationsFacade: Sendable {
    private let applications: ResourceStore<ApplicationRecord>

    /// The Applications `store` kept, or none.
    init(store: SandboxStore?) throws {
        applications = try ResourceStore(store: store)
    }

    /// CreateApplication.
    func create(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> ApplicationRecord {
        let now = Date()
        return try await applications.create(ApplicationRecord(sid: SID.make("AP"), accountSID: accountSID, dateCreated: now, dateUpdated: now),
                                             with: form)
    }

    /// The Application `sid` of `accountSID`.
    func application(_ sid: String, accountSID: String) async -> ApplicationRecord? {
        await applications.record(sid, accountSID: accountSID)
    }

    /// The account's Applications, oldest first, with ListApplication's `FriendlyName` filter.
    func list(accountSID: String, friendlyName: String?) async -> [ApplicationRecord] {
        await applications.records(of: accountSID) { application in friendlyName.map { application.friendlyName == $0 } ?? true }
    }

    /// UpdateApplication.
    func update(_ application: ApplicationRecord, form: FormParameters) async throws(SandboxError) -> ApplicationRecord {
        try await applications.update(application, with: form)
    }

    /// DeleteApplication.
    func delete(_ application: ApplicationRecord) async {
        await applications.delete(application.sid, accountSID: application.accountSID)
    }
}
