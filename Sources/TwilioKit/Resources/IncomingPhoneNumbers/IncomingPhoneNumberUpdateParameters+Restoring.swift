extension IncomingPhoneNumberUpdateParameters {
    /// Parameters that put a number's webhooks back as `number` had them, for undoing a change
    /// exactly: the voice, SMS and status callback URLs and applications (an absent one as an
    /// empty string, which clears it) and their methods (left unchanged when unknown).
    ///
    /// Twilio ties a SIP trunk and a voice application together (setting one removes the other),
    /// so only the one the number had is sent; when it had neither, both are cleared.
    public init(restoringWebhooksOf number: IncomingPhoneNumber) {
        let trunkSid = number.trunkSid ?? ""
        let voiceApplicationSid = number.voiceApplicationSid ?? ""
        self.init(
            smsApplicationSid: number.smsApplicationSid ?? "", smsFallbackMethod: number.smsFallbackMethod?.httpMethod,
            smsFallbackURL: number.smsFallbackUrl ?? "", smsMethod: number.smsMethod?.httpMethod, smsURL: number.smsUrl ?? "",
            statusCallback: number.statusCallback ?? "", statusCallbackMethod: number.statusCallbackMethod?.httpMethod,
            voiceApplicationSid: trunkSid.isEmpty ? voiceApplicationSid : nil,
            voiceFallbackMethod: number.voiceFallbackMethod?.httpMethod, voiceFallbackURL: number.voiceFallbackUrl ?? "",
            voiceMethod: number.voiceMethod?.httpMethod, voiceURL: number.voiceUrl ?? "",
            trunkSid: voiceApplicationSid.isEmpty || !trunkSid.isEmpty ? trunkSid : nil)
    }
}

extension IncomingPhoneNumber.WebhookMethod {
    /// The method to send back to Twilio, or `nil` for one this library does not know.
    var httpMethod: HTTPMethod? {
        switch self {
        case .get: .get
        case .post: .post
        case .unknown: nil
        }
    }
}
