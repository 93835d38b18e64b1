/// Every parameter of UpdateIncomingPhoneNumber
/// (`POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json`).
///
/// Unset parameters are left unchanged; an empty string clears a URL or SID.
public struct IncomingPhoneNumberUpdateParameters: Sendable, Equatable {
    /// Moves the number to this account (`AC…`): a subaccount, or the parent of the current one.
    public var accountSid: String?
    /// The API version of incoming calls' TwiML sessions (`2010-04-01` by default).
    public var apiVersion: String?
    /// A description of up to 64 characters.
    public var friendlyName: String?
    /// The Application (`AP…`) that handles messages; the `sms*` URLs are ignored when it is set.
    public var smsApplicationSid: String?
    /// The method for ``smsFallbackURL`` (POST by default).
    public var smsFallbackMethod: HTTPMethod?
    /// Called when fetching or running the TwiML of ``smsURL`` fails.
    public var smsFallbackURL: String?
    /// The method for ``smsURL`` (POST by default).
    public var smsMethod: HTTPMethod?
    /// Called when the number receives a message.
    public var smsURL: String?
    /// Where Twilio sends call status events.
    public var statusCallback: String?
    /// The method for ``statusCallback`` (POST by default).
    public var statusCallbackMethod: HTTPMethod?
    /// The Application (`AP…`) that handles calls; the `voice*` URLs are ignored when it is set.
    public var voiceApplicationSid: String?
    /// Whether Twilio looks up callers' CNAM names (charged per lookup).
    public var voiceCallerIDLookup: Bool?
    /// The method for ``voiceFallbackURL`` (POST by default).
    public var voiceFallbackMethod: HTTPMethod?
    /// Called when fetching or running the TwiML of ``voiceURL`` fails.
    public var voiceFallbackURL: String?
    /// The method for ``voiceURL`` (POST by default).
    public var voiceMethod: HTTPMethod?
    /// Called when the number receives a call.
    public var voiceURL: String?
    /// Whether emergency calling is active.
    public var emergencyStatus: EmergencyStatus?
    /// The emergency Address (`AD…`) used for emergency calls.
    public var emergencyAddressSid: String?
    /// A SIP trunk (`TK…`) that handles calls; setting it removes ``voiceApplicationSid`` and vice versa.
    public var trunkSid: String?
    /// Whether the number receives voice calls or faxes.
    public var voiceReceiveMode: VoiceReceiveMode?
    /// The Identity (`RI…`) some regions require.
    public var identitySid: String?
    /// The Address (`AD…`) some regions require.
    public var addressSid: String?
    /// The regulatory Bundle (`BU…`) some regions require.
    public var bundleSid: String?

    /// Creates update parameters; unset ones are left unchanged.
    public init(
        accountSid: String? = nil, apiVersion: String? = nil, friendlyName: String? = nil,
        smsApplicationSid: String? = nil, smsFallbackMethod: HTTPMethod? = nil, smsFallbackURL: String? = nil,
        smsMethod: HTTPMethod? = nil, smsURL: String? = nil,
        statusCallback: String? = nil, statusCallbackMethod: HTTPMethod? = nil,
        voiceApplicationSid: String? = nil, voiceCallerIDLookup: Bool? = nil,
        voiceFallbackMethod: HTTPMethod? = nil, voiceFallbackURL: String? = nil,
        voiceMethod: HTTPMethod? = nil, voiceURL: String? = nil,
        emergencyStatus: EmergencyStatus? = nil, emergencyAddressSid: String? = nil, trunkSid: String? = nil,
        voiceReceiveMode: VoiceReceiveMode? = nil, identitySid: String? = nil, addressSid: String? = nil,
        bundleSid: String? = nil
    ) {
        self.accountSid = accountSid
        self.apiVersion = apiVersion
        self.friendlyName = friendlyName
        self.smsApplicationSid = smsApplicationSid
        self.smsFallbackMethod = smsFallbackMethod
        self.smsFallbackURL = smsFallbackURL
        self.smsMethod = smsMethod
        self.smsURL = smsURL
        self.statusCallback = statusCallback
        self.statusCallbackMethod = statusCallbackMethod
        self.voiceApplicationSid = voiceApplicationSid
        self.voiceCallerIDLookup = voiceCallerIDLookup
        self.voiceFallbackMethod = voiceFallbackMethod
        self.voiceFallbackURL = voiceFallbackURL
        self.voiceMethod = voiceMethod
        self.voiceURL = voiceURL
        self.emergencyStatus = emergencyStatus
        self.emergencyAddressSid = emergencyAddressSid
        self.trunkSid = trunkSid
        self.voiceReceiveMode = voiceReceiveMode
        self.identitySid = identitySid
        self.addressSid = addressSid
        self.bundleSid = bundleSid
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("AccountSid", accountSid)
        form.add("ApiVersion", apiVersion)
        form.add("FriendlyName", friendlyName)
        form.add("SmsApplicationSid", smsApplicationSid)
        form.add("SmsFallbackMethod", smsFallbackMethod)
        form.add("SmsFallbackUrl", smsFallbackURL)
        form.add("SmsMethod", smsMethod)
        form.add("SmsUrl", smsURL)
        form.add("StatusCallback", statusCallback)
        form.add("StatusCallbackMethod", statusCallbackMethod)
        form.add("VoiceApplicationSid", voiceApplicationSid)
        form.add("VoiceCallerIdLookup", voiceCallerIDLookup)
        form.add("VoiceFallbackMethod", voiceFallbackMethod)
        form.add("VoiceFallbackUrl", voiceFallbackURL)
        form.add("VoiceMethod", voiceMethod)
        form.add("VoiceUrl", voiceURL)
        form.add("EmergencyStatus", emergencyStatus)
        form.add("EmergencyAddressSid", emergencyAddressSid)
        form.add("TrunkSid", trunkSid)
        form.add("VoiceReceiveMode", voiceReceiveMode)
        form.add("IdentitySid", identitySid)
        form.add("AddressSid", addressSid)
        form.add("BundleSid", bundleSid)
        return form
    }

    /// Whether emergency calling is active on a number.
    public enum EmergencyStatus: String, Sendable, CaseIterable {
        /// Active.
        case active = "Active"
        /// Inactive.
        case inactive = "Inactive"
    }

    /// Whether a number receives voice calls or faxes.
    public enum VoiceReceiveMode: String, Sendable, CaseIterable {
        /// Voice calls.
        case voice
        /// Faxes.
        case fax
    }
}
