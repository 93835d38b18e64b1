import ArgumentParser
import ConnectorServer
import Foundation
import Hummingbird
import Logging
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

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var webhooks: WebhookOptions

    func run() async throws {
        let (configuration, sandbox) = try await connection.resolve()
        let store = try await self.store.open()
        let logger = { var logger = Logger(label: "twilio-connector"); logger.logLevel = .info; return logger }()
        let webhookBase = LocalURL()
        let connector = Connector(configuration: configuration, webhookBaseURL: { webhooks.resolvedPublicURL ?? (sandbox != nil ? webhookBase.value : nil) },
                                  jobStore: store, jobSettings: self.store.jobSettings)
        let security = webhooks.security(authToken: configuration.credentials.webhookSigningKey, publicURL: nil)
        if security.authToken == nil, security.sharedKeys.isEmpty {
            logger.warning("Webhooks will be refused: the connection uses an API key, so no Auth Token can check Twilio's signatures. Pass --webhook-auth-token.")
        }
        let application = buildApplication(
            configuration: ServerConfiguration(host: host, port: port, webhooks: security),
            dependencies: ServerDependencies(connector: connector, store: store), logger: logger
        ) { channel in
            let url = "http://\(host):\(channel.localAddress?.port ?? port)"
            webhookBase.value = url
            var lines = ["twilio-connector serving on \(url)", "  store \(self.store.describedLocation), instance \(BulkJobs.defaultInstance)",
                         "  GET  \(url)/components/twilio", "  POST \(url)/actions/<action>",
                         "  GET  \(url)/triggers", "  POST \(webhooks.resolvedPublicURL ?? url)/webhooks/twilio/<trigger>  (Twilio's webhooks)"]
            if let sandbox {
                await SandboxLoop.connect(sandbox, to: url, logger: logger)
                lines += [
                    "Try it:",
                    #"  curl -s -X POST \#(url)/actions/sendSMS -H 'Content-Type: application/json' -d '{"To":"+14155559999","From":"+15005550006","Body":"Hello"}'"#,
                    "  curl -s -u \(sandbox.configuration.accountSID):\(sandbox.configuration.authToken) \(sandbox.baseURL)/sandbox/handsets/+14155559999/messages",
                    "  curl -s -u \(sandbox.configuration.accountSID):\(sandbox.configuration.authToken) \(sandbox.baseURL)/sandbox/handsets/+14155550123/messages -d To=+15005550006 -d Body=Hi",
                    "  twilio-connector events tail newSms --follow",
                ]
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        try await application.runService()
        await store.close()
        await sandbox?.stop()
    }
}
