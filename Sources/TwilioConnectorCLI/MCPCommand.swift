import ArgumentParser
import ConnectorMCP
import ConnectorServer
import ConnectorStore
import ConnectorVoice
import Foundation
import Logging
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
    @OptionGroup var workflows: WorkflowOptions

    func run() async throws {
        logging.bootstrap(secrets: connection.environmentSecrets + store.secrets)
        let logger = Logger(label: "twilio-connector.mcp")
        let store = try await store.open()
        let (configuration, sandbox) = try await connection.resolve()
        let webhookBase = LocalURL()
        let publicURL = PublicURL.resolve(nil)
        let base: @Sendable () -> String? = { publicURL ?? webhookBase.value }
        let voice = try workflows.realtimeCalls(configuration: configuration, fileAccess: .confined(to: toolOptions.filesDirectory), store: store,
                                                publicURL: base, logger: logger)
        let connector = Connector(configuration: configuration, webhookBaseURL: base, fileAccess: .confined(to: toolOptions.filesDirectory),
                                  realtime: voice)
        let toolbox = ConnectorToolbox(connector: connector, store: store, selection: toolOptions.selection)
        try MCPToolOptions.check(toolOptions.selection, against: toolbox, option: "--tools")

        var routes: LoopbackConnectorServer?
        if let sandbox {
            routes = await receiveWebhooks(of: sandbox, dependencies: ServerDependencies(connector: connector, store: store, voice: voice),
                                           at: webhookBase, logger: logger)
        }
        try await ConnectorMCPServer.serveStandardIO(toolbox, logger: logger)
        await routes?.stop()
        await sandbox?.stop()
    }

    /// Closes the loop in sandbox mode: the connector's routes (webhooks and media streams) on a
    /// free loopback port, the sandbox's numbers pointed at them, so that a handset's text becomes a
    /// `new_sms` event and a handset's call reaches a real-time workflow. `nil` when the routes could not start.
    private func receiveWebhooks(of sandbox: EmbeddedSandbox, dependencies: ServerDependencies, at webhookBase: LocalURL,
                                 logger: Logger) async -> LoopbackConnectorServer? {
        let security = WebhookSecurity(authToken: sandbox.clientConfiguration.credentials.webhookSigningKey)
        do {
            let routes = try await LoopbackConnectorServer.start(configuration: ServerConfiguration(webhooks: security), dependencies: dependencies,
                                                                 logger: logger)
            webhookBase.value = routes.url
            await SandboxLoop.connect(sandbox, to: routes.url, store: dependencies.store, logger: logger)
            logger.info("Sandbox webhooks go to \(routes.url)/webhooks/twilio/…: handsets' texts become new_sms events")
            return routes
        } catch {
            logger.error("The webhook routes could not start: \(error)")
            return nil
        }
    }
}
