import ConnectorStore
import TwilioKit

/// Why a trigger could not be registered or unregistered. Each case says what was found, and
/// whether anything was changed (nothing, unless the case says otherwise).
public enum RegistrationError: Error, Sendable, CustomStringConvertible {
    /// No trigger has this name.
    case unknownTrigger(String)
    /// A setting (or another part of the request) is not valid: the explanation.
    case invalidRequest(String)
    /// The trigger cannot be registered this way: the trigger and why, with what to do instead.
    case notPlaceable(trigger: String, reason: String)
    /// No public URL is known for Twilio to reach the connector at.
    case noPublicURL
    /// The account has no such number.
    case numberNotFound(String)
    /// The setting already points elsewhere (a URL, an Application, a trunk), and `replace` was not given.
    case fieldOccupied(number: String, field: String, current: OwnedSettings)
    /// The number's messages go to its Messaging Service's webhook, so one on the number would never be called.
    case messagingServiceWins(number: String, serviceSid: String, inboundRequestURL: String?)
    /// What the trigger needs on the number is handled by something else (an Application, a trunk).
    case handledElsewhere(number: String, reason: String)
    /// Another registration holds the setting (one racing this one may have just won).
    case alreadyRegistered(Registration)
    /// No registration has this id.
    case registrationNotFound(String)
    /// Someone changed the setting since it was registered; nothing was restored.
    case changedSinceRegistration(Registration, differences: [SettingDifference])
    /// The Event Streams sink could not be validated (its test event did not come back); what the
    /// registration created is removed again.
    case sinkNotValidated(destination: String, reason: String)
    /// Twilio accepted the change but reading the resource back shows something else.
    case notConfirmed(String)
    /// Twilio refused or failed: what was being done, and the error (it says whether the request
    /// may have reached Twilio).
    case twilio(String, TwilioError)
    /// The store failed.
    case store(StoreError)

    public var description: String {
        switch self {
        case .unknownTrigger(let name):
            TriggerCatalogue.unknownTrigger(name, listedBy: "`twilio-connector triggers`")
        case .invalidRequest(let reason):
            reason
        case .notPlaceable(let trigger, let reason):
            "\(trigger) cannot be registered that way: \(reason)"
        case .noPublicURL:
            "No public URL for Twilio to reach the connector at: pass --public-url https://… (or set TWILIO_CONNECTOR_PUBLIC_URL), "
                + "e.g. an ngrok URL forwarding to `twilio-connector serve`."
        case .numberNotFound(let number):
            "The account has no number \(number)."
        case .fieldOccupied(let number, let field, let current):
            "\(number)'s \(field) already points elsewhere (\(current)); nothing was changed. Pass --replace (\"replace\": true) to take it over: "
                + "the current settings are kept and put back on unregister."
        case .messagingServiceWins(let number, let serviceSid, let url):
            "\(number) is in Messaging Service \(serviceSid), whose inbound webhook (\(url ?? "none: messages are dropped")) is used instead of "
                + "the number's SmsUrl (UseInboundWebhookOnNumber is false), so a webhook on the number would never be called; nothing was "
                + "changed. Pass --via-service (\"viaService\": true) to register on the service, or use --via event-streams."
        case .handledElsewhere(let number, let reason):
            "\(number): \(reason); nothing was changed."
        case .alreadyRegistered(let holder):
            "\(holder.phoneNumber ?? holder.resourceSid)'s \(holder.field) is already registered to \(holder.trigger) (\(holder.id)); "
                + "unregister it first."
        case .registrationNotFound(let id):
            "No registration '\(id)' (`twilio-connector triggers registrations` lists them)."
        case .changedSinceRegistration(let registration, let differences):
            "\(registration.phoneNumber ?? registration.resourceSid)'s \(registration.field) was changed since \(registration.id) registered "
                + "it (\(differences.map(\.description).joined(separator: "; "))); nothing was restored. Pass --force (?force=true) to put "
                + "back the values from before the registration anyway."
        case .sinkNotValidated(let destination, let reason):
            "The Event Streams sink for \(destination) could not be validated: \(reason). What this registration created was removed."
        case .notConfirmed(let reason):
            reason
        case .twilio(let what, let error):
            "\(what): \(error)"
        case .store(let error):
            error.description
        }
    }
}
