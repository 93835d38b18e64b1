import ConnectorStore
import TwilioKit

/// The inbound webhook of a Messaging Service: `InboundRequestUrl` and `InboundMethod`.
struct ServiceWebhookSlot: WebhookSlot {
    let serviceSid: String

    var kind: Registration.Kind { .messagingService }
    var resourceSid: String { serviceSid }
    var field: String { "InboundRequestUrl" }
    var settingNames: [String] { ["inbound_request_url", "inbound_method"] }

    func read(_ client: TwilioClient) async throws(TwilioError) -> OwnedSettings {
        OwnedSettings(names: settingNames, of: try await client.messagingServices.fetch(serviceSid))
    }

    func point(at url: String, over current: OwnedSettings, _ client: TwilioClient) async throws(TwilioError) {
        _ = try await client.messagingServices.update(serviceSid, MessagingServiceUpdateParameters(inboundRequestURL: url, inboundMethod: .post))
    }

    func settings(pointingAt url: String) -> OwnedSettings {
        OwnedSettings(names: settingNames, values: ["inbound_request_url": url, "inbound_method": "POST"])
    }

    func restore(_ previous: OwnedSettings, _ client: TwilioClient) async throws(RegistrationError) {
        let all = MessagingServiceUpdateParameters(restoringWebhooksOf: try previous.decoded(as: MessagingService.self))
        do {
            _ = try await client.messagingServices.update(serviceSid, MessagingServiceUpdateParameters(
                inboundRequestURL: all.inboundRequestURL, inboundMethod: all.inboundMethod))
        } catch {
            throw .twilio("Restoring the inbound webhook of \(serviceSid)", error)
        }
    }

    func occupant(of current: OwnedSettings, url: String) -> String? {
        current["inbound_request_url"].flatMap { webhook($0, isTheSameAs: url) ? nil : "inbound_request_url=\($0)" }
    }
}
