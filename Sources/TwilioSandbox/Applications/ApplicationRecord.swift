import Foundation
import TwilioKit

/// An Application (`AP…`): webhook settings that calls (`ApplicationSid`) and phone numbers
/// (`VoiceApplicationSid`, `SmsApplicationSid`) use instead of their own.
struct ApplicationRecord: EditableRecord {
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

    /// The resource's path below the API's domain.
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
