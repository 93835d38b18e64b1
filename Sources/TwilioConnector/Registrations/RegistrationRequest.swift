/// What to register: a trigger, where, and whether it may take over a setting that points
/// elsewhere.
public struct RegistrationRequest: Sendable, Equatable {
    /// Where a trigger is registered.
    public enum Target: Sendable, Equatable {
        /// On a number (E.164 or `PN…`): the field the trigger needs.
        case number(String)
        /// On the Messaging Service of a number whose inbound webhook wins over the number's.
        case messagingServiceOf(String)
        /// On the account's Event Streams: a webhook sink and a subscription to the trigger's event types.
        case eventStreams
    }

    /// The trigger, in any dialect (`newSms`, `new_sms`).
    public var trigger: String
    /// Where.
    public var target: Target
    /// Whether to take over a setting that points elsewhere (its values are kept and put back on unregister).
    public var replace: Bool
    /// The trigger's settings, carried in the webhook URL's query (`Reply`, `subWorkflow`).
    public var settings: [String: String]

    /// Creates a request.
    public init(trigger: String, target: Target, replace: Bool = false, settings: [String: String] = [:]) {
        self.trigger = trigger
        self.target = target
        self.replace = replace
        self.settings = settings
    }
}
