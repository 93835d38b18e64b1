import ArgumentParser
import Foundation
import TwilioConnector

/// `twilio-connector actions`: lists the actions.
struct ActionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "List the actions, per dialect.")

    @Option(help: "Only this dialect: component, toolkit or block.")
    var dialect: ConnectorDialect?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let actions = Connector(configuration: nil).actions(in: dialect)
        if json {
            print(try JSONOutput.encode(actions))
            return
        }
        let width = actions.map(\.name.count).max() ?? 0
        for action in actions {
            print("\(action.dialect.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(action.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(action.summary)")
        }
    }
}

extension ConnectorDialect: ExpressibleByArgument {}
