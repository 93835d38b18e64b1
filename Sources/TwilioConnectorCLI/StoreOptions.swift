import ArgumentParser
import ConnectorStore
import Foundation

/// Where the connector keeps its events, subscriptions and jobs.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"),
            help: "The store: a SQLite file (default twilio-connector.sqlite in the working directory; also TWILIO_CONNECTOR_STORE).")
    var location: String?

    /// The store's location: the option, the environment, or the default file.
    var resolvedLocation: String {
        location ?? ProcessInfo.processInfo.environment["TWILIO_CONNECTOR_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "twilio-connector.sqlite"
    }

    /// Opens the store.
    func open() throws -> any ConnectorStore {
        do {
            return try SQLiteStore(path: resolvedLocation)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
