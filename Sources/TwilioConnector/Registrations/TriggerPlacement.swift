/// Where each trigger can be registered: the number field whose webhook it receives, and the
/// Event Streams event types that report the same happenings.
enum TriggerPlacement {
    /// The number field `trigger` takes over.
    static func numberField(for trigger: TriggerDefinition) throws(RegistrationError) -> NumberField {
        switch trigger.name {
        case MessagingTriggers.newSms.name, MessagingTriggers.newWhatsappMessage.name:
            return .smsURL
        case VoiceTriggers.inboundCall.name:
            return .voiceURL
        case VoiceTriggers.callStatus.name, VoiceTriggers.newRecording.name:
            return .statusCallback
        case MessagingTriggers.messageStatus.name:
            throw .notPlaceable(trigger: trigger.name, reason: """
                a message's status goes to the StatusCallback of that message, not of a number. Messages the connector sends \
                carry theirs already (to /webhooks/twilio/messageStatus); for messages sent by anything else, register it \
                with --via event-streams.
                """)
        default:
            throw .notPlaceable(trigger: trigger.name, reason: """
                it comes from a Voice Intelligence Service's webhook (or the connector's poller), not from a number.
                """)
        }
    }

    /// The Event Streams event types that report what `trigger` fires on.
    static func eventTypes(for trigger: TriggerDefinition) throws(RegistrationError) -> [String] {
        switch trigger.name {
        case MessagingTriggers.newSms.name, MessagingTriggers.newWhatsappMessage.name:
            return [CloudEventTranslation.inboundMessageType]
        case MessagingTriggers.messageStatus.name:
            return CloudEventTranslation.messageStatuses.map { CloudEventTranslation.messageStatusPrefix + $0 }
        case VoiceTriggers.callStatus.name:
            return CloudEventTranslation.callEvents.map { CloudEventTranslation.callProgressPrefix + $0 }
        case VoiceTriggers.inboundCall.name:
            throw .notPlaceable(trigger: trigger.name, reason: """
                an inbound call is answered with the TwiML its number's VoiceUrl returns, and Event Streams only report what \
                happened. Register it on the number (--number).
                """)
        default:
            throw .notPlaceable(trigger: trigger.name, reason: "Event Streams have no event type the connector maps to it.")
        }
    }
}
