import Foundation
import ArgumentParser
import TwilioConnector

/// `twilio-connector describe <action>`: prints an action's schemas and example;
/// `describe --component`: the component definition (label, name, parameters, type of each action).
struct DescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe", abstract: "Print an action's input and output JSON Schema.")

    @Argument(help: "The action, in any dialect (sendSMS, twilio/v1/sendSMS, send_message, twilio_send_sms).")
    var action: String?

    @Flag(help: "Print the component definition, in the shape of the component platforms' examples, instead.")
    var component = false

    func validate() throws {
        if component == (action != nil) { throw ValidationError("Give an action, or --component.") }
    }

    func run() async throws {
        if component {
            print(JSONOutput.encode(Connector(configuration: nil).componentDefinition()))
            return
        }
        let connector = Connector(configuration: nil)
        guard let action else { return }
        guard let description = connector.describe(action) else {
            FileHandle.standardError.write(Data("Error: \(connector.unknownAction(action, listedBy: "`twilio-connector actions`"))\n".utf8))
            throw ExitCode.failure
        }
        print(try JSONOutput.encode(description))
    }
}
