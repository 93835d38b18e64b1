import ArgumentParser
import ConnectorServer
import ConnectorStore
import Foundation
import TwilioConnector
import TwilioKit

/// `twilio-connector events`: reads trigger events from the store.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "Read trigger events from the store.",
                                                    subcommands: [Tail.self])

    /// `twilio-connector events tail <trigger> [--follow]`.
    struct Tail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tail", abstract: "Print a trigger's latest events and, with --follow, each new one as it arrives.")

        @Argument(help: "The trigger, in any dialect (newSms, new_sms).")
        var trigger: String

        @Flag(help: "Keep printing events as they arrive.")
        var follow = false

        @Option(help: "How many of the latest events to print first.")
        var last = 10

        @Option(help: "Field naming of the events: component or toolkit.")
        var dialect: ConnectorDialect = .component

        @Option(help: "Output format: text or json (JSON lines; default: text on a terminal, json otherwise).")
        var output: RunCommand.OutputFormat?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard TriggerCatalogue.trigger(named: trigger) != nil else {
                throw ValidationError(TriggerCatalogue.unknownTrigger(trigger, listedBy: "`twilio-connector triggers`"))
            }
            guard last >= 0 else { throw ValidationError("--last must not be negative") }
            guard dialect != .block else { throw ValidationError("--dialect must be component or toolkit") }
        }

        func run() async throws {
            guard let definition = TriggerCatalogue.trigger(named: trigger) else { return }
            let reader = TriggerEventReader(store: try await store.open())
            let json = (output ?? (isatty(STDOUT_FILENO) == 1 ? .text : .json)) == .json
            let latest = try await latestCursor(definition, reader: reader)
            var page = try await reader.page(definition, after: latest, limit: max(last, 1))
            while true {
                for event in page.events {
                    FileHandle.standardOutput.write(Data((line(event, json: json) + "\n").utf8))
                }
                guard follow else { return }
                // Another process appends to the store: look again every half second.
                page = try await reader.next(definition, after: page.next, limit: 100, timeout: .milliseconds(500))
            }
        }

        /// The cursor before the `last` latest events of the trigger.
        private func latestCursor(_ definition: TriggerDefinition, reader: TriggerEventReader) async throws -> EventCursor {
            var cursors: [EventCursor] = [EventCursor(sequence: 0)]
            var page = try await reader.page(definition, after: EventCursor(sequence: 0), limit: 1000)
            while !page.events.isEmpty {
                cursors += page.events.map { EventCursor(sequence: $0.sequence) }
                page = try await reader.page(definition, after: page.next, limit: 1000)
            }
            return last == 0 ? cursors[cursors.count - 1] : cursors[max(0, cursors.count - 1 - last)]
        }

        private func line(_ event: TriggerEvent, json: Bool) -> String {
            let value = TriggerJSON.event(event, dialect: dialect)
            if json { return value.compactText }
            let data = TriggerNaming.data(event.data, in: dialect).objectFields ?? [:]
            let fields = data.keys.sorted().compactMap { key in data[key]?.scalarText.map { "\(key)=\($0)" } }
            return "\(TwilioDateFormat.iso8601String(from: event.receivedAt))  \(event.trigger)  \(event.id)  " + fields.joined(separator: " ")
        }
    }
}
