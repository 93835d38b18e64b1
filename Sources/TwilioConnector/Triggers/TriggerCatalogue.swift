import TwilioKit

/// Every trigger, beside the actions.
public enum TriggerCatalogue {
    /// The triggers, in the order they are listed.
    public static let all: [TriggerDefinition] = [
        MessagingTriggers.newSms, MessagingTriggers.newWhatsappMessage, VoiceTriggers.inboundCall, MessagingTriggers.messageStatus,
        VoiceTriggers.callStatus, VoiceTriggers.newRecording, IntelligenceTriggers.newTranscript,
    ]

    private static let byName: [String: TriggerDefinition] = Dictionary(
        all.flatMap { [($0.name, $0), ($0.toolkitName, $0), (ComponentDialect.typePrefix + $0.name, $0)] },
        uniquingKeysWith: { first, _ in first })

    /// The trigger called `name` in any dialect (`newSms`, `twilio/v1/newSms`, `new_sms`).
    public static func trigger(named name: String) -> TriggerDefinition? {
        byName[name]
    }

    /// "Unknown trigger 'name'. Did you mean …?" naming the closest triggers and where `list` lists them all.
    public static func unknownTrigger(_ name: String, listedBy list: String) -> String {
        NameSuggestions.unknown("trigger", name, in: all.flatMap { [$0.name, $0.toolkitName] }, listedBy: list)
    }
}
