import Foundation
import TwilioKit

extension VerifyServiceRecord {
    /// Applies the parameters of CreateService/UpdateService present in `form`, validated as
    /// Verify does (60200 for a value out of range or of the wrong shape).
    mutating func apply(_ form: FormParameters) throws(SandboxError) {
        if let name = form.first("FriendlyName") {
            guard !name.isEmpty, name.count <= 32 else { throw .invalidV2Parameter("FriendlyName", name) }
            friendlyName = name
        }
        codeLength = try form.v2Int("CodeLength", in: 4...10) ?? codeLength
        lookupEnabled = try form.v2Bool("LookupEnabled") ?? lookupEnabled
        skipSmsToLandlines = try form.v2Bool("SkipSmsToLandlines") ?? skipSmsToLandlines
        dtmfInputRequired = try form.v2Bool("DtmfInputRequired") ?? dtmfInputRequired
        ttsName = form.first("TtsName") ?? ttsName
        psd2Enabled = try form.v2Bool("Psd2Enabled") ?? psd2Enabled
        doNotShareWarningEnabled = try form.v2Bool("DoNotShareWarningEnabled") ?? doNotShareWarningEnabled
        customCodeEnabled = try form.v2Bool("CustomCodeEnabled") ?? customCodeEnabled
        pushIncludeDate = try form.v2Bool("Push.IncludeDate") ?? pushIncludeDate
        pushApnCredentialSid = try form.v2SID("Push.ApnCredentialSid", prefix: "CR") ?? pushApnCredentialSid
        pushFcmCredentialSid = try form.v2SID("Push.FcmCredentialSid", prefix: "CR") ?? pushFcmCredentialSid
        totpIssuer = form.first("Totp.Issuer") ?? totpIssuer
        totpTimeStep = try form.v2Int("Totp.TimeStep", in: 20...60) ?? totpTimeStep
        totpCodeLength = try form.v2Int("Totp.CodeLength", in: 3...8) ?? totpCodeLength
        totpSkew = try form.v2Int("Totp.Skew", in: 0...2) ?? totpSkew
        defaultTemplateSid = try form.v2SID("DefaultTemplateSid", prefix: "HJ") ?? defaultTemplateSid
        whatsappMsgServiceSid = try form.v2SID("Whatsapp.MsgServiceSid", prefix: "MG") ?? whatsappMsgServiceSid
        if let from = form.first("Whatsapp.From") {
            guard from.hasPrefix("whatsapp:+") || from.hasPrefix("+") else { throw .invalidV2Parameter("Whatsapp.From", from) }
            whatsappFrom = from.hasPrefix("whatsapp:") ? from : "whatsapp:" + from
        }
        passkeysRelyingPartyID = form.first("Passkeys.RelyingParty.Id") ?? passkeysRelyingPartyID
        passkeysRelyingPartyName = form.first("Passkeys.RelyingParty.Name") ?? passkeysRelyingPartyName
        if let origins = form.first("Passkeys.RelyingParty.Origins") {
            passkeysRelyingPartyOrigins = origins.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        passkeysAuthenticatorAttachment = try form.v2OneOf("Passkeys.AuthenticatorAttachment", ["platform", "cross-platform", "any"])
            ?? passkeysAuthenticatorAttachment
        let requirements = ["required", "preferred", "discouraged"]
        passkeysDiscoverableCredentials = try form.v2OneOf("Passkeys.DiscoverableCredentials", requirements) ?? passkeysDiscoverableCredentials
        passkeysUserVerification = try form.v2OneOf("Passkeys.UserVerification", requirements) ?? passkeysUserVerification
        verifyEventSubscriptionEnabled = try form.v2Bool("VerifyEventSubscriptionEnabled") ?? verifyEventSubscriptionEnabled
    }
}
