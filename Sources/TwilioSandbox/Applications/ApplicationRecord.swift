import Foundation
import TwilioKit

/// An Application (`AP…`): webhook settings that calls (`ApplicationSid`) and phone numbers
/// (`VoiceApplicationSid`, `SmsApplicationSid`) use instead of their own.
struct ApplicationRecord: StoredRecord {
    static let kind = "application"

    let sid: String
    let accountSID: String
    var friendlyName: String?
    var webhooks = WebhookSettings()
    var smsStatusCallback: String?
    var messageStatusCallback: String?
    var publicApplicationConnectEnabled = false
    let dateCreated: Date
    var dateUpdated: Date

    var uri: String { "/2010-04-01/Accounts/\(accountSID)/Applications/\(sid).json" }

    /// Applies a CreateApplication or UpdateApplication form.
    mutating func apply(_ form: FormParameters) throws(SandboxError) {
        try webhooks.apply(form)
        if let value = form.first("FriendlyName") { friendlyName = value }
        if let value = try form.settingURL("SmsStatusCallback") { smsStatusCallback = value }
        if let value = try form.settingURL("MessageStatusCallback") { messageStatusCallback = value }
        if let value = try form.bool("PublicApplicationConnectEnabled") { publicApplicationConnectEnabled = value }
        _ = try form.oneOf("ApiVersion", ["2010-04-01", "2008-08-01"])
    }

    /// Twilio's JSON for the resource, every field present.
    var json: SandboxJSON {
        .object([
            ("account_sid", .string(accountSID)),
            ("api_version", "2010-04-01"),
            ("date_created", .string(TwilioDateFormat.rfc2822String(from: dateCreated))),
            ("date_updated", .string(TwilioDateFormat.rfc2822String(from: dateUpdated))),
            ("friendly_name", .optional(friendlyName)),
            ("message_status_callback", .optional(messageStatusCallback)),
            ("sid", .string(sid)),
            ("sms_fallback_method", .string(webhooks.smsFallbackMethod)),
            ("sms_fallback_url", .optional(webhooks.smsFallbackURL)),
            ("sms_method", .string(webhooks.smsMethod)),
            ("sms_status_callback", .optional(smsStatusCallback)),
            ("sms_url", .optional(webhooks.smsURL)),
            ("status_callback", .optional(webhooks.statusCallback)),
            ("status_callback_method", .string(webhooks.statusCallbackMethod)),
            ("uri", .string(uri)),
            ("voice_caller_id_lookup", .bool(webhooks.voiceCallerIDLookup)),
            ("voice_fallback_method", .string(webhooks.voiceFallbackMethod)),
            ("voice_fallback_url", .optional(webhooks.voiceFallbackURL)),
            ("voice_method", .string(webhooks.voiceMethod)),
            ("voice_url", .optional(webhooks.voiceURL)),
            ("public_application_connect_enabled", .bool(publicApplicationConnectEnabled)),
        ])
    }
}

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
