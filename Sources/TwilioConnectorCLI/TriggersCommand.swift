import ArgumentParser
import ConnectorServer
import Foundation
import TwilioConnector
import TwilioKit

/// `twilio-connector triggers`: lists the triggers, and connects them to numbers or Event Streams.
struct TriggersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers", abstract: "List the triggers (Twilio's webhooks as events); connect them to numbers or Event Streams.",
        subcommands: [List.self, RegisterTriggerCommand.self, UnregisterTriggerCommand.self, RegistrationsCommand.self],
        defaultSubcommand: List.self)

    /// `twilio-connector triggers [list] [--json]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the triggers.")

        @Flag(help: "Print JSON (names, schemas, examples) instead of a table.")
        var json = false

        func run() async throws {
            if json {
                print(JSONOutput.encode(JSONValue.array(TriggerCatalogue.all.map(TriggerJSON.trigger))))
                return
            }
            let width = TriggerCatalogue.all.map(\.toolkitName.count).max() ?? 0
            for trigger in TriggerCatalogue.all {
                let names = trigger.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + trigger.toolkitName.padding(toLength: width, withPad: " ", startingAt: 0)
                print("\(names)  \(trigger.summary)")
            }
        }
    }
}
