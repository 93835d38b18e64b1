import ArgumentParser
import ConnectorMCP
import ConnectorServer
import ConnectorStore
import Foundation
import Logging
import ServiceLifecycle
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// `twilio-connector mcp`: the connector's tools for AI agents over MCP on standard input and
/// output. Standard output carries protocol messages only; logs go to standard error.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the connector's tools to AI agents over MCP on standard input and output (with no Twilio credentials, against an in-process sandbox).",
        discussion: """
            Trigger tools (list_events, wait_for_event) read the store. In sandbox mode this command receives the sandbox's \
            webhooks itself; with real credentials, run `serve` with the same store to receive Twilio's webhooks, and set \
            TWILIO_CONNECTOR_PUBLIC_URL to its public URL so that messages sent report their statuses there.
            """)

    @OptionGroup var toolOptions: MCPToolOptions

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        logging.bootstrap(secrets: connection.environmentSecrets + store.secrets)
        let logger = Logger(label: "twilio-connector.mcp")
        let store = try await store.open()
        let (configuration, sandbox) = try await connection.resolve()
        let webhookBase = LocalURL()
        let publicURL = ProcessInfo.processInfo.environment["TWILIO_CONNECTOR_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let connector = Connector(configuration: configuration, webhookBaseURL: { publicURL ?? webhookBase.value },
                                  fileAccess: .confined(to: toolOptions.filesDirectory))
        let toolbox = ConnectorToolbox(connector: connector, store: store, selection: toolOptions.selection)
        try MCPToolOptions.check(toolOptions.selection, against: toolbox, option: "--tools")

        var webhooks: (group: ServiceGroup, task: Task<Void, Never>)?
        if let sandbox {
            webhooks = await receiveWebhooks(of: sandbox, connector: connector, store: store, at: webhookBase, logger: logger)
        }
        try await ConnectorMCPServer.serveStandardIO(toolbox, logger: logger)
        if let webhooks {
            await webhooks.group.triggerGracefulShutdown()
            await webhooks.task.value
        }
        await sandbox?.stop()
    }

    /// Closes the loop in sandbox mode: the connector's webhook routes on a free loopback port,
    /// the sandbox's numbers pointed at them, so that a handset's text becomes a `new_sms` event.
    /// Returns once the numbers are pointed (or the routes could not start).
    private func receiveWebhooks(of sandbox: EmbeddedSandbox, connector: Connector, store: any ConnectorStore, at webhookBase: LocalURL,
                                 logger: Logger) async -> (group: ServiceGroup, task: Task<Void, Never>) {
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let application = buildApplication(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0,
                                               webhooks: WebhookSecurity(authToken: sandbox.clientConfiguration.credentials.webhookSigningKey)),
            dependencies: ServerDependencies(connector: connector, store: store), logger: logger
        ) { channel in
            let url = "http://127.0.0.1:\(channel.localAddress?.port ?? 0)"
            webhookBase.value = url
            await SandboxLoop.connect(sandbox, to: url, store: store, logger: logger)
            logger.info("Sandbox webhooks go to \(url)/webhooks/twilio/…: handsets' texts become new_sms events")
            readyContinuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let task = Task {
            do { try await group.run() } catch { logger.error("The webhook routes stopped: \(error)") }
            readyContinuation.finish()
        }
        for await _ in ready {}
        return (group, task)
    }
}
