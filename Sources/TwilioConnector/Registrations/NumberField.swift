import TwilioKit

/// The webhook setting of an IncomingPhoneNumber a trigger takes over, and the settings that go
/// with it: its method, and what would handle the number instead (an Application, a SIP trunk).
enum NumberField: String, Sendable, CaseIterable {
    /// Inbound messages: `SmsUrl`, `SmsMethod`; `SmsApplicationSid` wins over them.
    case smsURL = "SmsUrl"
    /// Inbound calls: `VoiceUrl`, `VoiceMethod`; `VoiceApplicationSid` or `TrunkSid` win over them.
    case voiceURL = "VoiceUrl"
    /// Call status events: `StatusCallback`, `StatusCallbackMethod`.
    case statusCallback = "StatusCallback"

    /// The settings the field owns, by Twilio's JSON names: its URL first.
    var settingNames: [String] {
        switch self {
        case .smsURL: ["sms_url", "sms_method", "sms_application_sid"]
        case .voiceURL: ["voice_url", "voice_method", "voice_application_sid", "trunk_sid"]
        case .statusCallback: ["status_callback", "status_callback_method"]
        }
    }

    /// The settings once the field points at `url`: its method `POST`, no Application or trunk.
    func settings(pointingAt url: String) -> OwnedSettings {
        OwnedSettings(names: settingNames, values: [settingNames[0]: url, settingNames[1]: "POST"])
    }

    /// The update that points the field at `url` with `POST`, clearing the Application or trunk
    /// `current` has (and nothing else).
    func pointing(at url: String, over current: OwnedSettings) -> IncomingPhoneNumberUpdateParameters {
        var parameters = IncomingPhoneNumberUpdateParameters()
        switch self {
        case .smsURL:
            parameters.smsURL = url
            parameters.smsMethod = .post
            if current["sms_application_sid"] != nil { parameters.smsApplicationSid = "" }
        case .voiceURL:
            parameters.voiceURL = url
            parameters.voiceMethod = .post
            if current["voice_application_sid"] != nil { parameters.voiceApplicationSid = "" }
            if current["trunk_sid"] != nil { parameters.trunkSid = "" }
        case .statusCallback:
            parameters.statusCallback = url
            parameters.statusCallbackMethod = .post
        }
        return parameters
    }

    /// The update that puts back `previous` exactly — an empty URL cleared, an Application or a
    /// trunk set again — touching only the field's own settings.
    func restoring(_ previous: OwnedSettings) throws(RegistrationError) -> IncomingPhoneNumberUpdateParameters {
        let all = IncomingPhoneNumberUpdateParameters(restoringWebhooksOf: try previous.decoded(as: IncomingPhoneNumber.self))
        switch self {
        case .smsURL:
            return .init(smsApplicationSid: all.smsApplicationSid, smsMethod: all.smsMethod, smsURL: all.smsURL)
        case .voiceURL:
            return .init(voiceApplicationSid: all.voiceApplicationSid, voiceMethod: all.voiceMethod, voiceURL: all.voiceURL, trunkSid: all.trunkSid)
        case .statusCallback:
            return .init(statusCallback: all.statusCallback, statusCallbackMethod: all.statusCallbackMethod)
        }
    }

    /// What handles the field now instead of `url`, described (`sms_url=https://…`,
    /// `Application AP…`, `SIP trunk TK…`); `nil` when nothing does, or `url` already.
    func occupant(of current: OwnedSettings, url: String) -> String? {
        let owner = current[settingNames[0]].flatMap { webhook($0, isTheSameAs: url) ? nil : "\(settingNames[0])=\($0)" }
        let application = current.names.first { $0.hasSuffix("application_sid") }.flatMap { current[$0] }.map { "Application \($0)" }
        let trunk = current["trunk_sid"].map { "SIP trunk \($0)" }
        let occupants = [owner, application, trunk].compactMap { $0 }
        return occupants.isEmpty ? nil : occupants.joined(separator: ", ")
    }
}
