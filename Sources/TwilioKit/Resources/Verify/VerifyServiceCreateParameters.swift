/// Every parameter of CreateService (`POST /v2/Services`).
public struct VerifyServiceCreateParameters: Sendable, Equatable {
    /// The name shown in verification messages, up to 32 characters, without PII.
    public var friendlyName: String
    /// The length of generated codes, 4…10.
    public var codeLength: Int?
    /// Whether each verification does a lookup of the number.
    public var lookupEnabled: Bool?
    /// Whether SMS verifications to landlines are skipped (needs ``lookupEnabled``).
    public var skipSmsToLandlines: Bool?
    /// Whether calls ask the user to press a key before reading the code.
    public var dtmfInputRequired: Bool?
    /// An alternative text-to-speech voice for calls.
    public var ttsName: String?
    /// Whether PSD2 transaction parameters are passed.
    public var psd2Enabled: Bool?
    /// Whether SMS bodies end with a do-not-share warning.
    public var doNotShareWarningEnabled: Bool?
    /// Whether verifications may carry a custom code.
    public var customCodeEnabled: Bool?
    /// Whether Push challenges include the date (deprecated by Twilio: use `date_created`).
    public var pushIncludeDate: Bool?
    /// The APN credential (`CR…`) for Push factors on iOS.
    public var pushApnCredentialSid: String?
    /// The FCM credential (`CR…`) for Push factors on Android.
    public var pushFcmCredentialSid: String?
    /// The issuer in TOTP URIs (the friendly name by default).
    public var totpIssuer: String?
    /// How often, in seconds (20…60), a new TOTP code is generated.
    public var totpTimeStep: Int?
    /// The number of digits of TOTP codes, 3…8.
    public var totpCodeLength: Int?
    /// How many time steps (0…2) before and after are accepted.
    public var totpSkew: Int?
    /// The default message template (`HJ…`) of SMS verifications.
    public var defaultTemplateSid: String?
    /// The Messaging Service (`MG…`) holding the WhatsApp senders.
    public var whatsappMsgServiceSid: String?
    /// The WhatsApp sender, associated with ``whatsappMsgServiceSid``.
    public var whatsappFrom: String?
    /// The Passkeys relying party's ID: the application's domain (`example.com`).
    public var passkeysRelyingPartyID: String?
    /// The Passkeys relying party's name (`Example App`).
    public var passkeysRelyingPartyName: String?
    /// The Passkeys relying party's origins (sent comma-separated).
    public var passkeysRelyingPartyOrigins: [String]
    /// The authenticator Passkeys are created with.
    public var passkeysAuthenticatorAttachment: AuthenticatorAttachment?
    /// Whether Passkey credentials must be discoverable.
    public var passkeysDiscoverableCredentials: PasskeysRequirement?
    /// Whether Passkeys need user verification.
    public var passkeysUserVerification: PasskeysRequirement?
    /// Whether verifications reach the Event Streams sinks.
    public var verifyEventSubscriptionEnabled: Bool?

    /// Creates parameters for a service named `friendlyName`.
    public init(
        friendlyName: String, codeLength: Int? = nil, lookupEnabled: Bool? = nil, skipSmsToLandlines: Bool? = nil,
        dtmfInputRequired: Bool? = nil, ttsName: String? = nil, psd2Enabled: Bool? = nil,
        doNotShareWarningEnabled: Bool? = nil, customCodeEnabled: Bool? = nil, pushIncludeDate: Bool? = nil,
        pushApnCredentialSid: String? = nil, pushFcmCredentialSid: String? = nil, totpIssuer: String? = nil,
        totpTimeStep: Int? = nil, totpCodeLength: Int? = nil, totpSkew: Int? = nil, defaultTemplateSid: String? = nil,
        whatsappMsgServiceSid: String? = nil, whatsappFrom: String? = nil, passkeysRelyingPartyID: String? = nil,
        passkeysRelyingPartyName: String? = nil, passkeysRelyingPartyOrigins: [String] = [],
        passkeysAuthenticatorAttachment: AuthenticatorAttachment? = nil,
        passkeysDiscoverableCredentials: PasskeysRequirement? = nil, passkeysUserVerification: PasskeysRequirement? = nil,
        verifyEventSubscriptionEnabled: Bool? = nil
    ) {
        self.friendlyName = friendlyName
        self.codeLength = codeLength
        self.lookupEnabled = lookupEnabled
        self.skipSmsToLandlines = skipSmsToLandlines
        self.dtmfInputRequired = dtmfInputRequired
        self.ttsName = ttsName
        self.psd2Enabled = psd2Enabled
        self.doNotShareWarningEnabled = doNotShareWarningEnabled
        self.customCodeEnabled = customCodeEnabled
        self.pushIncludeDate = pushIncludeDate
        self.pushApnCredentialSid = pushApnCredentialSid
        self.pushFcmCredentialSid = pushFcmCredentialSid
        self.totpIssuer = totpIssuer
        self.totpTimeStep = totpTimeStep
        self.totpCodeLength = totpCodeLength
        self.totpSkew = totpSkew
        self.defaultTemplateSid = defaultTemplateSid
        self.whatsappMsgServiceSid = whatsappMsgServiceSid
        self.whatsappFrom = whatsappFrom
        self.passkeysRelyingPartyID = passkeysRelyingPartyID
        self.passkeysRelyingPartyName = passkeysRelyingPartyName
        self.passkeysRelyingPartyOrigins = passkeysRelyingPartyOrigins
        self.passkeysAuthenticatorAttachment = passkeysAuthenticatorAttachment
        self.passkeysDiscoverableCredentials = passkeysDiscoverableCredentials
        self.passkeysUserVerification = passkeysUserVerification
        self.verifyEventSubscriptionEnabled = verifyEventSubscriptionEnabled
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("FriendlyName", friendlyName)
        form.add("CodeLength", codeLength)
        form.add("LookupEnabled", lookupEnabled)
        form.add("SkipSmsToLandlines", skipSmsToLandlines)
        form.add("DtmfInputRequired", dtmfInputRequired)
        form.add("TtsName", ttsName)
        form.add("Psd2Enabled", psd2Enabled)
        form.add("DoNotShareWarningEnabled", doNotShareWarningEnabled)
        form.add("CustomCodeEnabled", customCodeEnabled)
        form.add("Push.IncludeDate", pushIncludeDate)
        form.add("Push.ApnCredentialSid", pushApnCredentialSid)
        form.add("Push.FcmCredentialSid", pushFcmCredentialSid)
        form.add("Totp.Issuer", totpIssuer)
        form.add("Totp.TimeStep", totpTimeStep)
        form.add("Totp.CodeLength", totpCodeLength)
        form.add("Totp.Skew", totpSkew)
        form.add("DefaultTemplateSid", defaultTemplateSid)
        form.add("Whatsapp.MsgServiceSid", whatsappMsgServiceSid)
        form.add("Whatsapp.From", whatsappFrom)
        form.add("Passkeys.RelyingParty.Id", passkeysRelyingPartyID)
        form.add("Passkeys.RelyingParty.Name", passkeysRelyingPartyName)
        form.add("Passkeys.RelyingParty.Origins",
                 passkeysRelyingPartyOrigins.isEmpty ? nil : passkeysRelyingPartyOrigins.joined(separator: ","))
        form.add("Passkeys.AuthenticatorAttachment", passkeysAuthenticatorAttachment)
        form.add("Passkeys.DiscoverableCredentials", passkeysDiscoverableCredentials)
        form.add("Passkeys.UserVerification", passkeysUserVerification)
        form.add("VerifyEventSubscriptionEnabled", verifyEventSubscriptionEnabled)
        return form
    }

    /// The kind of authenticator Passkeys are created with.
    public enum AuthenticatorAttachment: String, Sendable, CaseIterable {
        case platform
        case crossPlatform = "cross-platform"
        case any
    }

    /// How strongly a Passkeys property is required.
    public enum PasskeysRequirement: String, Sendable, CaseIterable { case required, preferred, discouraged }
}
