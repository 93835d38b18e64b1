import ArgumentParser
import TwilioConnector

/// `twilio-connector describe <action>`: prints an action's schemas and example.
struct DescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe", abstract: "Print an action's input and output JSON Schema.")

    @Argument(help: "The action, in any dialect (sendSMS, twilio/v1/sendSMS, send_message, twilio_send_sms).")
    var action: String

    func run() async throws {
        guard let description = Connector(configuration: nil).describe(action) else {
            throw ValidationError("Unknown action '\(action)'. `twilio-connector actions` lists them.")
        }
        print(try JSONOutput.encode(description))
    }
}
