import Foundation
import Logging
import TwilioKit
import TwilioSandbox

/// Closes the loop in sandbox mode: the sandbox's numbers send their messages, calls and status
/// callbacks to the connector's own webhooks, signed with the sandbox's token, as Twilio would.
enum SandboxLoop {
    /// Points every number of `sandbox`'s account at the connector listening at `url`.
    static func connect(_ sandbox: EmbeddedSandbox, to url: String, logger: Logger) async {
        let client = TwilioClient(configuration: sandbox.clientConfiguration)
        var settings = IncomingPhoneNumberUpdateParameters()
        settings.smsURL = url + "/webhooks/twilio/newSms"
        settings.smsMethod = .post
        settings.voiceURL = url + "/webhooks/twilio/inboundCall?subWorkflow=echo"
        settings.voiceMethod = .post
        settings.statusCallback = url + "/webhooks/twilio/callStatus"
        do {
            for try await number in client.incomingPhoneNumbers.list() {
                guard let sid = number.sid else { continue }
                _ = try await client.incomingPhoneNumbers.update(sid, settings)
            }
        } catch {
            logger.error("The sandbox's numbers could not be pointed at the connector: \(error)")
        }
    }
}
