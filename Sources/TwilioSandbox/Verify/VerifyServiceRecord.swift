import Foundation
import TwilioKit

/// A Verify Service (`VA…`) with every setting CreateService and UpdateService take.
struct VerifyServiceRecord: EditableRecord {
    static let kind = "verify-service"

    let sid: String
    let accountSID: String
    var friendlyName: String
    var codeLength = 6
    var lookupEnabled = false
    var psd2Enabled = false
    var skipSmsToLandlines = false
    var dtmfInputRequired = true
    var ttsName: String?
    var doNotShareWarningEnabled = false
    var customCodeEnabled = false
    var pushIncludeDate = false
    var pushApnCredentialSid: String?
    var pushFcmCredentialSid: String?
    /// The TOTP issuer; the friendly name when not set.
    var totpIssuer: String?
    var totpTimeStep = 30
    var totpCodeLength = 6
    var totpSkew = 1
    var defaultTemplateSid: String?
    var whatsappMsgServiceSid: String?
    var whatsappFrom: String?
    var passkeysRelyingPartyID: String?
    var passkeysRelyingPartyName: String?
    var passkeysRelyingPartyOrigins: [String]?
    var passkeysAuthenticatorAttachment: String?
    var passkeysDiscoverableCredentials: String?
    var passkeysUserVerification: String?
    var verifyEventSubscriptionEnabled = false
    let dateCreated: Date
    var dateUpdated: Date

    /// A service with Verify's defaults, created at `date`.
    init(sid: String, accountSID: String, friendlyName: String, date: Date) {
        self.sid = sid
        self.accountSID = accountSID
        self.friendlyName = friendlyName
        dateCreated = date
        dateUpdated = date
    }

    /// `https://verify.twilio.com/v2/Services/VA…`.
    var url: String { "https://verify.twilio.com/v2/Services/\(sid)" }

    /// Twilio's JSON for the resource, every field present.
    var json: SandboxJSON {
        func date(_ value: Date) -> SandboxJSON { .string(TwilioDateFormat.iso8601String(from: value)) }
        let links = ["verification_checks": "VerificationCheck", "verifications": "Verifications", "rate_limits": "RateLimits",
                     "messaging_configurations": "MessagingConfigurations", "entities": "Entities", "webhooks": "Webhooks",
                     "access_tokens": "AccessTokens"]
        let linkOrder = ["verification_checks", "verifications", "rate_limits", "messaging_configurations", "entities", "webhooks", "access_tokens"]
        return .object([
            ("sid", .string(sid)),
            ("account_sid", .string(accountSID)),
            ("friendly_name", .string(friendlyName)),
            ("code_length", .int(codeLength)),
            ("lookup_enabled", .bool(lookupEnabled)),
            ("psd2_enabled", .bool(psd2Enabled)),
            ("skip_sms_to_landlines", .bool(skipSmsToLandlines)),
            ("dtmf_input_required", .bool(dtmfInputRequired)),
            ("tts_name", .optional(ttsName)),
            ("do_not_share_warning_enabled", .bool(doNotShareWarningEnabled)),
            ("custom_code_enabled", .bool(customCodeEnabled)),
            ("push", .object([("include_date", .bool(pushIncludeDate)), ("apn_credential_sid", .optional(pushApnCredentialSid)),
                              ("fcm_credential_sid", .optional(pushFcmCredentialSid))])),
            ("totp", .object([("issuer", .string(totpIssuer ?? friendlyName)), ("time_step", .int(totpTimeStep)),
                              ("code_length", .int(totpCodeLength)), ("skew", .int(totpSkew))])),
            ("whatsapp", .object([("msg_service_sid", .optional(whatsappMsgServiceSid)), ("from", .optional(whatsappFrom))])),
            ("passkeys", .object([
                ("relying_party", .object([("id", .optional(passkeysRelyingPartyID)), ("name", .optional(passkeysRelyingPartyName)),
                                           ("origins", passkeysRelyingPartyOrigins.map { .array($0.map(SandboxJSON.string)) } ?? .null)])),
                ("authenticator_attachment", .optional(passkeysAuthenticatorAttachment)),
                ("discoverable_credentials", .optional(passkeysDiscoverableCredentials)),
                ("user_verification", .optional(passkeysUserVerification)),
            ])),
            ("default_template_sid", .optional(defaultTemplateSid)),
            ("verify_event_subscription_enabled", .bool(verifyEventSubscriptionEnabled)),
            ("date_created", date(dateCreated)),
            ("date_updated", date(dateUpdated)),
            ("url", .string(url)),
            ("links", .object(linkOrder.map { ($0, .string(url + "/" + (links[$0] ?? ""))) })),
        ])
    }
}
