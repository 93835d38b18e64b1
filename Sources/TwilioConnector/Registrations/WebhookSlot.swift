import ConnectorStore
import TwilioKit

/// A webhook setting a registration can own: a field of a number, or the inbound webhook of a
/// Messaging Service. It reads the settings it owns, points them at a URL and puts them back,
/// each in one request through TwilioKit.
protocol WebhookSlot: Sendable {
    /// Where the registration is.
    var kind: Registration.Kind { get }
    /// The resource changed (`PN…`, `MG…`).
    var resourceSid: String { get }
    /// The setting owned, by its parameter name (`SmsUrl`, `InboundRequestUrl`).
    var field: String { get }
    /// The settings it owns, by Twilio's JSON names, its URL first.
    var settingNames: [String] { get }

    /// The owned settings as they are now.
    func read(_ client: TwilioClient) async throws(TwilioError) -> OwnedSettings
    /// Points the setting at `url` with `POST`, clearing what handles it in `current` instead.
    func point(at url: String, over current: OwnedSettings, _ client: TwilioClient) async throws(TwilioError)
    /// The owned settings once pointed at `url`.
    func settings(pointingAt url: String) -> OwnedSettings
    /// Puts back `previous`, exactly.
    func restore(_ previous: OwnedSettings, _ client: TwilioClient) async throws(RegistrationError)
    /// What handles the setting now instead of `url`, described; `nil` when nothing does (the
    /// setting is empty, or already points at the trigger's webhook — see ``webhook(_:isTheSameAs:)``).
    func occupant(of current: OwnedSettings, url: String) -> String?
}

/// Whether the URL `current` is the connector's webhook `url` for the same trigger, whatever its
/// settings (the query): what `serve`'s sandbox loop or an earlier registration left there is
/// the connector's own, not someone else's to be asked before replacing it.
func webhook(_ current: String, isTheSameAs url: String) -> Bool {
    current.split(separator: "?", maxSplits: 1).first == url.split(separator: "?", maxSplits: 1).first
}

extension WebhookSlot {
    /// What a registration of this slot holds it by: `PN…:SmsUrl`.
    var slot: String { resourceSid + ":" + field }

    /// The stored settings `json` of this slot.
    func settings(_ json: JSONValue) -> OwnedSettings {
        OwnedSettings(names: settingNames, json: json)
    }
}
