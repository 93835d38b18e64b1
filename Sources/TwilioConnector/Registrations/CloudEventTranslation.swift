import TwilioKit

/// Turns an Event Streams CloudEvent into the trigger and webhook parameters the same happening
/// brings through a number's webhook, so the event the trigger stores is the same either way:
/// the messaging schemas' camelCase keys become Twilio's parameter names (`messageSid` →
/// `MessageSid`, a status in lower case), a call's progress event carries its status callback's
/// parameters as they were posted.
public enum CloudEventTranslation {
    /// What a CloudEvent becomes.
    public struct Translation: Sendable {
        /// The trigger it fires (an inbound message is filed by its channel when received).
        public let trigger: TriggerDefinition
        /// The parameters, as the trigger's webhook gets them.
        public let parameters: WebhookParameters
    }

    static let inboundMessageType = "com.twilio.messaging.inbound-message.received"
    static let messageStatusPrefix = "com.twilio.messaging.message."
    static let messageStatuses = ["queued", "sent", "delivered", "failed", "undelivered", "read"]
    static let callProgressPrefix = "com.twilio.voice.status-callback.call."
    /// The deprecated name of the call progress types.
    static let legacyCallProgressPrefix = "com.twilio.voice.webhook.status-callback.call."
    static let callEvents = ["initiated", "ringing", "answered", "completed"]
    /// Keys of the messaging schemas that describe the event, not the message.
    static let eventKeys: Set<String> = ["eventName", "timestamp"]

    /// The trigger and parameters of `event`; `nil` for a type no trigger fires on (the sink test
    /// event included).
    public static func translate(_ event: CloudEvent) -> Translation? {
        let data = event.data?.objectFields ?? [:]
        if event.type == inboundMessageType {
            return Translation(trigger: MessagingTriggers.newSms, parameters: messagingParameters(data))
        }
        if event.type.hasPrefix(messageStatusPrefix) {
            return Translation(trigger: MessagingTriggers.messageStatus, parameters: messagingParameters(data))
        }
        if event.type.hasPrefix(callProgressPrefix) || event.type.hasPrefix(legacyCallProgressPrefix) {
            let posted = data["request"]?.objectFields?["parameters"]?.objectFields ?? [:]
            return Translation(trigger: VoiceTriggers.callStatus, parameters: WebhookParameters(
                posted.sorted { $0.key < $1.key }.compactMap { name, value in value.scalarText.map { (name, $0) } }))
        }
        return nil
    }

    /// A messaging event's data as webhook parameters: each scalar under its key with the first
    /// letter upper-cased; `MessageStatus` lower-cased, as status callbacks carry it.
    static func messagingParameters(_ data: [String: JSONValue]) -> WebhookParameters {
        WebhookParameters(data.sorted { $0.key < $1.key }.compactMap { key, value in
            guard !eventKeys.contains(key), let text = value.scalarText else { return nil }
            let name = key.prefix(1).uppercased() + key.dropFirst()
            return (name, name == "MessageStatus" ? text.lowercased() : text)
        })
    }
}
