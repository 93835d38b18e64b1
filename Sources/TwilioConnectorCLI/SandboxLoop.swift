import ConnectorStore
import Foundation
import Logging
import TwilioKit
import TwilioSandbox

/// Closes the loop in sandbox mode: the sandbox's numbers send their messages, calls and status
/// callbacks to the connector's own webhooks, signed with the sandbox's token, as Twilio would.
/// Like a registration, it changes nothing it was not given: a field is pointed at the connector
/// only when it is empty (no URL, no Application) or holds the loop's own URL from an earlier run
/// (on another port), and never when a registration holds it.
enum SandboxLoop {
    /// A field the loop fills, and the trigger path it points at.
    private struct Field: Sendable {
        let name: String
        let path: String
        let current: @Sendable (IncomingPhoneNumber) -> String?
        let handledElsewhere: @Sendable (IncomingPhoneNumber) -> Bool
        let set: @Sendable (inout IncomingPhoneNumberUpdateParameters, String) -> Void
    }

    private static let fields = [
        Field(name: "SmsUrl", path: "/webhooks/twilio/newSms", current: \.smsUrl, handledElsewhere: { $0.smsApplicationSid?.isEmpty == false }) {
            $0.smsURL = $1
            $0.smsMethod = .post
        },
        Field(name: "VoiceUrl", path: "/webhooks/twilio/inboundCall?subWorkflow=echo", current: \.voiceUrl,
              handledElsewhere: { $0.voiceApplicationSid?.isEmpty == false || $0.trunkSid?.isEmpty == false }) {
            $0.voiceURL = $1
            $0.voiceMethod = .post
        },
        Field(name: "StatusCallback", path: "/webhooks/twilio/callStatus", current: \.statusCallback, handledElsewhere: { _ in false }) {
            $0.statusCallback = $1
        },
    ]

    /// Points the free fields of every number of `sandbox`'s account at the connector listening at `url`.
    static func connect(_ sandbox: EmbeddedSandbox, to url: String, store: any ConnectorStore, logger: Logger) async {
        let client = TwilioClient(configuration: sandbox.clientConfiguration)
        do {
            let registered = Set(try await store.registrations().map(\.slot))
            for number in try await client.incomingPhoneNumbers.list().collect() {
                guard let sid = number.sid else { continue }
                var settings = IncomingPhoneNumberUpdateParameters()
                var changed = false
                for field in fields where !registered.contains(sid + ":" + field.name) && !field.handledElsewhere(number)
                    && isFree(field.current(number), loopPath: field.path) && field.current(number) != url + field.path {
                    field.set(&settings, url + field.path)
                    changed = true
                }
                if changed { _ = try await client.incomingPhoneNumbers.update(sid, settings) }
            }
        } catch {
            logger.error("The sandbox's numbers could not be pointed at the connector: \(error)")
        }
    }

    /// Whether a field holding `current` is the loop's to set: empty, or the loop's own URL on a
    /// loopback address.
    private static func isFree(_ current: String?, loopPath: String) -> Bool {
        guard let current, !current.isEmpty else { return true }
        guard let parsed = URLComponents(string: current), let host = parsed.host else { return false }
        let pathAndQuery = parsed.percentEncodedPath + (parsed.percentEncodedQuery.map { "?" + $0 } ?? "")
        return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) && pathAndQuery == loopPath
    }
}
