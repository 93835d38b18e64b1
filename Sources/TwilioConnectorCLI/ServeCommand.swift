import ArgumentParser
import ConnectorServer
import ConnectorVoice
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// `twilio-connector serve`: the connector over HTTP — actions, and Twilio's webhooks in as
/// trigger events, out by poll, stream and push.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the actions and triggers over HTTP (with no Twilio credentials, against an in-process sandbox).")

    @Option(help: "The interface to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: .customLong("files-dir"), help: "The only folder actions may write files to over HTTP (SaveTo names a file inside it).")
    var filesDirectory = "recordings"

    @Option(name: .customLong("poll-transcripts"),
            help: "Seconds between polls of Voice Intelligence for completed transcripts (newTranscript events) when no service webhook points here; 0 turns it off.")
    var transcriptPollSeconds = 0

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var webhooks: WebhookOptions
    @OptionGroup var security: SecurityOptions
    @OptionGroup var limits: ServerLimitOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var mcp: MCPServeOptions
    @OptionGroup var workflows: WorkflowOptions

    func run() async throws {
        var configuration = ServerConfiguration(host: host, port: port, apiTokens: security.resolvedTokens, limits: limits.serverLimits)
        try security.check(host: host, isLoopback: configuration.isLoopback)
        logging.bootstrap(secrets: security.resolvedTokens + webhooks.secrets + connection.environmentSecrets + store.secrets)
        let logger = Logger(label: "twilio-connector")
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
        let (twilio, sandbox) = try await connection.resolve()
        let store = try await self.store.open()
        let webhookBase = LocalURL()
        // Read once: the environment is not read again per action (it cost 6 % of an action's CPU).
        let configuredPublicURL = webhooks.resolvedPublicURL
        let publicURL: @Sendable () -> String? = { configuredPublicURL ?? (sandbox != nil ? webhookBase.value : nil) }
        let voice = try workflows.realtimeCalls(configuration: twilio, fileAccess: .confined(to: filesDirectory), store: store,
                                                publicURL: publicURL, logger: logger)
        let connector = Connector(configuration: twilio, webhookBaseURL: publicURL, fileAccess: .confined(to: filesDirectory), jobStore: store,
                                  jobSettings: self.store.jobSettings, realtime: voice)
        configuration.webhooks = webhooks.security(authToken: twilio.credentials.webhookSigningKey, publicURL: nil)
        if configuration.webhooks.authToken == nil, configuration.webhooks.sharedKeys.isEmpty {
            logger.warning("Webhooks will be refused: the connection uses an API key, so no Auth Token can check Twilio's signatures. Pass --webhook-auth-token.")
        }
        configuration.mcp = try mcp.settings(connector: connector, store: store)
        configuration.transcriptPollInterval = transcriptPollSeconds > 0 ? .seconds(transcriptPollSeconds) : nil
        if configuration.apiTokens.isEmpty, !configuration.isLoopback {
            logger.warning("/mcp will refuse every request: beyond the loopback interface it needs an API token. Pass --api-token.")
        }
        let inFlight = InFlightRequests()
        let application = buildApplication(
            configuration: configuration, dependencies: ServerDependencies(connector: connector, store: store, metrics: metrics, voice: voice), logger: logger,
            inFlight: inFlight
        ) { channel in
            let url = "http://\(host):\(channel.localAddress?.port ?? port)"
            webhookBase.value = url
            var lines = ["twilio-connector serving on \(url)", "  store \(self.store.describedLocation), instance \(BulkJobs.defaultInstance)",
                         "  GET  \(url)/components/twilio", "  POST \(url)/actions/<action>",
                         "  GET  \(url)/triggers", "  POST \(url)/mcp  (MCP for agents, streamable HTTP)",
                         "  POST \(configuredPublicURL ?? url)/webhooks/twilio/<trigger>  (Twilio's webhooks)",
                         "  GET  \(StreamURL.make(base: configuredPublicURL ?? url, workflow: "<workflow>"))  (Twilio's media streams: \(voice.workflowNames.joined(separator: ", ")))"]
            if let sandbox {
                await SandboxLoop.connect(sandbox, to: url, store: store, logger: logger)
                lines += [
                    "Try it:",
                    #"  curl -s -X POST \#(url)/actions/sendSMS -H 'Content-Type: application/json' -d '{"To":"+14155559999","From":"+15005550006","Body":"Hello"}'"#,
                    "  curl -s -u \(sandbox.accountSID):\(sandbox.authToken) \(sandbox.baseURL)/sandbox/handsets/+14155559999/messages",
                    "  curl -s -u \(sandbox.accountSID):\(sandbox.authToken) \(sandbox.baseURL)/sandbox/handsets/+14155550123/messages --data-urlencode To=+15005550006 -d Body=Hi",
                    "  twilio-connector events tail newSms --follow",
                ]
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        try await runServer(application, grace: configuration.limits.shutdownGrace, inFlight: inFlight, logger: logger)
        await store.close()
        await sandbox?.stop()
    }
}
