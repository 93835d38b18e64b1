import Foundation
import TwilioKit

/// A phone number an account owns, with its webhooks (an IncomingPhoneNumber).
struct OwnedNumber: StoredRecord {
    static let kind = "incoming-phone-number"

    let sid: String
    let accountSID: String
    let phoneNumber: String
    var friendlyName: String
    var webhooks = WebhookSettings()
    /// The Application whose voice settings handle calls, instead of ``webhooks``'.
    var voiceApplicationSID: String?
    /// The Application whose messaging settings handle messages, instead of ``webhooks``'.
    var smsApplicationSID: String?
    let dateCreated: Date
    var dateUpdated: Date

    /// Toll-free numbers (+1 8xx) versus local ones.
    var type: String {
        let tollFreePrefixes = ["+1800", "+1833", "+1844", "+1855", "+1866", "+1877", "+1888"]
        return tollFreePrefixes.contains { phoneNumber.hasPrefix($0) } ? "toll-free" : "local"
    }

    /// `(415) 555-0100` for North American numbers, the number itself otherwise.
    static func friendlyName(of number: String) -> String {
        let digits = Array(number.dropFirst(2))
        guard number.hasPrefix("+1"), digits.count == 10 else { return number }
        return "(\(String(digits[0..<3]))) \(String(digits[3..<6]))-\(String(digits[6..<10]))"
    }

    /// Twilio's JSON for the resource.
    var json: SandboxJSON {
        let uri = "/2010-04-01/Accounts/\(accountSID)/IncomingPhoneNumbers/\(sid).json"
        return .object([
            ("account_sid", .string(accountSID)),
            ("address_sid", .null),
            ("address_requirements", "none"),
            ("api_version", "2010-04-01"),
            ("beta", false),
            ("capabilities", ["voice": true, "sms": true, "mms": true, "fax": false]),
            ("date_created", .string(TwilioDateFormat.rfc2822String(from: dateCreated))),
            ("date_updated", .string(TwilioDateFormat.rfc2822String(from: dateUpdated))),
            ("friendly_name", .string(friendlyName)),
            ("identity_sid", .null),
            ("phone_number", .string(phoneNumber)),
            ("origin", "twilio"),
            ("sid", .string(sid)),
            ("sms_application_sid", .string(smsApplicationSID ?? "")),
            ("sms_fallback_method", .string(webhooks.smsFallbackMethod)),
            ("sms_fallback_url", .string(webhooks.smsFallbackURL ?? "")),
            ("sms_method", .string(webhooks.smsMethod)),
            ("sms_url", .string(webhooks.smsURL ?? "")),
            ("status_callback", .string(webhooks.statusCallback ?? "")),
            ("status_callback_method", .string(webhooks.statusCallbackMethod)),
            ("trunk_sid", .null),
            ("uri", .string(uri)),
            ("voice_receive_mode", "voice"),
            ("voice_application_sid", .string(voiceApplicationSID ?? "")),
            ("voice_caller_id_lookup", .bool(webhooks.voiceCallerIDLookup)),
            ("voice_fallback_method", .string(webhooks.voiceFallbackMethod)),
            ("voice_fallback_url", .optional(webhooks.voiceFallbackURL)),
            ("voice_method", .string(webhooks.voiceMethod)),
            ("voice_url", .optional(webhooks.voiceURL)),
            ("emergency_status", "Inactive"),
            ("emergency_address_sid", .null),
            ("emergency_address_status", "unregistered"),
            ("bundle_sid", .null),
            ("status", "in-use"),
            ("type", .string(type)),
        ])
    }
}
