import ArgumentParser
import ConnectorStore
import Foundation
import TwilioConnector

/// Where the connector keeps its events, subscriptions and jobs: a SQLite file (one instance), or
/// PostgreSQL (several instances sharing it).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"),
            help: ArgumentHelp("The store: a SQLite file (default twilio-connector.sqlite in the working directory) or postgres://user:password@host:port/database[?schema=…&sslmode=disable|prefer|require] (also TWILIO_CONNECTOR_STORE).",
                               valueName: "file-or-url"))
    var location: String?

    @Option(name: .customLong("job-lease-seconds"),
            help: "How long a bulk job's chunk stays with an instance that stopped renewing it before another takes it over.")
    var jobLeaseSeconds = 30

    func validate() throws {
        guard (3...3600).contains(jobLeaseSeconds) else { throw ValidationError("--job-lease-seconds must be from 3 to 3600") }
    }

    /// The store's location: the option, the environment, or the default file.
    var resolvedLocation: String {
        location ?? ProcessInfo.processInfo.environment["TWILIO_CONNECTOR_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "twilio-connector.sqlite"
    }

    /// How bulk jobs run.
    var jobSettings: BulkJobSettings {
        BulkJobSettings(leaseDuration: .seconds(jobLeaseSeconds))
    }

    /// The password in a PostgreSQL URL, for the log redactor.
    var secrets: [String] {
        guard PostgresLocation.isPostgresURL(resolvedLocation), let url = URLComponents(string: resolvedLocation),
              let password = url.password else { return [] }
        return [password, url.percentEncodedPassword].compactMap { $0 }
    }

    /// The store's location for messages, without a password.
    var describedLocation: String {
        let location = resolvedLocation
        guard PostgresLocation.isPostgresURL(location) else { return location }
        return (try? PostgresLocation(url: location))?.description ?? "a postgres:// URL"
    }

    /// Opens the store (connecting, and bringing its schema up to date).
    func open() async throws -> any ConnectorStore {
        let location = resolvedLocation
        do {
            if PostgresLocation.isPostgresURL(location) { return try await PostgresStore.open(url: location) }
            return try SQLiteStore(path: location)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
