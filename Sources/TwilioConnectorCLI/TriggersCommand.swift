import ArgumentParser
import ConnectorServer
import Foundation
import TwilioConnector
import TwilioKit

/// `twilio-connector triggers`: lists the triggers.
struct TriggersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "triggers", abstract: "List the triggers (Twilio's webhooks as events).")

    @Flag(help: "Print JSON (names, schemas, examples) instead of a table.")
    var json = false

    func run() async throws {
        if json {
            print(try JSONOutput.encode(JSONValue.array(TriggerCatalogue.all.map(TriggerJSON.trigger))))
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
