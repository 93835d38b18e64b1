import ArgumentParser
import ConnectorStore
import ConnectorVoice
import Foundation
import Logging
import TwilioConnector
import TwilioKit

/// The real-time workflows a command runs during calls (makeCall's `subWorkflow`, inboundCall's).
struct WorkflowOptions: ParsableArguments {
    @Option(name: .customLong("workflows"),
            help: ArgumentHelp("A JSON file of real-time workflows: name → {\"kind\": echo|play|record|menu|bridge, \"settings\": {…}} (echo, play, record and menu also work by their kind's name).",
                               valueName: "file"))
    var file: String?

    /// The workflows: the built-ins and the file's, writing recordings under `fileAccess`.
    func catalogue(fileAccess: FileAccess, logger: Logger) throws -> WorkflowCatalogue {
        let environment = WorkflowKind.Environment(fileAccess: fileAccess, dialer: WebSocketMediaStreamDialer(logger: logger))
        do {
            return try file.map { path throws(WorkflowConfigurationError) in try WorkflowCatalogue(file: path, environment: environment) }
                ?? WorkflowCatalogue(environment: environment)
        } catch {
            throw ValidationError("--workflows: \(error)")
        }
    }

    /// The real-time calls of a connector on `configuration`, reachable at `publicURL`, writing
    /// recordings under `fileAccess` and waiting on `store`.
    func realtimeCalls(configuration: TwilioConfiguration, fileAccess: FileAccess, store: (any ConnectorStore)?,
                       publicURL: @escaping @Sendable () -> String?, logger: Logger) throws -> RealtimeCalls {
        RealtimeCalls(catalogue: try catalogue(fileAccess: fileAccess, logger: logger), publicURL: publicURL, store: store,
                      client: TwilioClient(configuration: configuration), logger: logger)
    }
}
