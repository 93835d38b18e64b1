import ArgumentParser
import ConnectorServer
import Foundation
import Hummingbird
import Logging
import TwilioConnector

/// `twilio-connector serve`: the connector over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the actions over HTTP (with no Twilio credentials, against an in-process sandbox).")

    @Option(help: "The interface to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let (configuration, sandbox) = try await connection.resolve()
        var logger = Logger(label: "twilio-connector")
        logger.logLevel = .info
        let application = buildApplication(
            configuration: ServerConfiguration(host: host, port: port), connector: Connector(configuration: configuration),
            logger: logger
        ) { channel in
            let url = "http://\(host):\(channel.localAddress?.port ?? port)"
            var lines = ["twilio-connector serving on \(url)", "  GET  \(url)/components/twilio", "  POST \(url)/actions/<action>"]
            if let sandbox {
                lines += [
                    "Try it:",
                    #"  curl -s -X POST \#(url)/actions/sendSMS -H 'Content-Type: application/json' -d '{"To":"+14155559999","From":"+15005550006","Body":"Hello"}'"#,
                    "  curl -s -u \(sandbox.configuration.accountSID):\(sandbox.configuration.authToken) \(sandbox.baseURL)/sandbox/handsets/+14155559999/messages",
                ]
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        try await application.runService()
        await sandbox?.stop()
    }
}
