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
    /// What handles the setting now instead of `url`, described; `nil` when nothing does.
    func occupant(of current: OwnedSettings, url: String) -> String?
}

extension WebhookSlot {
    /// What a registration of this slot holds it by: `PN…:SmsUrl`.
    var slot: String { resourceSid + ":" + field }

    /// The stored settings `json` of this slot.
    func settings(_ json: JSONValue) -> OwnedSettings {
        OwnedSettings(names: settingNames, json: json)
    }
}
