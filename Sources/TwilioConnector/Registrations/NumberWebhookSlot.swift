import ConnectorStore
import TwilioKit

/// A field of an IncomingPhoneNumber.
struct NumberWebhookSlot: WebhookSlot {
    let numberSid: String
    let numberField: NumberField

    var kind: Registration.Kind { .number }
    var resourceSid: String { numberSid }
    var field: String { numberField.rawValue }
    var settingNames: [String] { numberField.settingNames }

    func read(_ client: TwilioClient) async throws(TwilioError) -> OwnedSettings {
        OwnedSettings(names: settingNames, of: try await client.incomingPhoneNumbers.fetch(numberSid))
    }

    func point(at url: String, over current: OwnedSettings, _ client: TwilioClient) async throws(TwilioError) {
        _ = try await client.incomingPhoneNumbers.update(numberSid, numberField.pointing(at: url, over: current))
    }

    func settings(pointingAt url: String) -> OwnedSettings {
        numberField.settings(pointingAt: url)
    }

    func restore(_ previous: OwnedSettings, _ client: TwilioClient) async throws(RegistrationError) {
        let parameters = try numberField.restoring(previous)
        do { _ = try await client.incomingPhoneNumbers.update(numberSid, parameters) } catch {
            throw .twilio("Restoring \(field) of \(numberSid)", error)
        }
    }

    func occupant(of current: OwnedSettings, url: String) -> String? {
        numberField.occupant(of: current, url: url)
    }
}
