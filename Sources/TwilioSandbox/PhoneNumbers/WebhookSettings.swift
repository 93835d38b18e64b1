import TwilioKit

/// Where Twilio asks what to do with a call or a message, and where it reports on calls: the
/// settings an IncomingPhoneNumber and an Application share.
struct WebhookSettings: Codable, Sendable, Equatable {
    var voiceURL: String?
    var voiceMethod = "POST"
    var voiceFallbackURL: String?
    var voiceFallbackMethod = "POST"
    var statusCallback: String?
    var statusCallbackMethod = "POST"
    var voiceCallerIDLookup = false
    var smsURL: String?
    var smsMethod = "POST"
    var smsFallbackURL: String?
    var smsFallbackMethod = "POST"

    /// Applies the webhook parameters of a create or update form; an empty URL clears it.
    mutating func apply(_ form: FormParameters) throws(SandboxError) {
        func url(_ name: String, _ keyPath: WritableKeyPath<WebhookSettings, String?>) throws(SandboxError) {
            if let value = try form.settingURL(name) { self[keyPath: keyPath] = value }
        }
        func method(_ name: String, _ keyPath: WritableKeyPath<WebhookSettings, String>) throws(SandboxError) {
            if let value = try form.oneOf(name, ["GET", "POST"]) { self[keyPath: keyPath] = value }
        }
        try url("VoiceUrl", \.voiceURL)
        try url("VoiceFallbackUrl", \.voiceFallbackURL)
        try url("StatusCallback", \.statusCallback)
        try url("SmsUrl", \.smsURL)
        try url("SmsFallbackUrl", \.smsFallbackURL)
        try method("VoiceMethod", \.voiceMethod)
        try method("VoiceFallbackMethod", \.voiceFallbackMethod)
        try method("StatusCallbackMethod", \.statusCallbackMethod)
        try method("SmsMethod", \.smsMethod)
        try method("SmsFallbackMethod", \.smsFallbackMethod)
        if let value = try form.bool("VoiceCallerIdLookup") { voiceCallerIDLookup = value }
    }
}
