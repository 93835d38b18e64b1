import ArgumentParser
import Foundation
import Logging
import TwilioKit
import TwilioSandbox

/// Where actions go: Twilio (credentials in the environment) or, with none, a sandbox started in
/// this process.
struct ConnectionOptions: ParsableArguments {
    @Flag(help: "Use an in-process sandbox even when Twilio credentials are set.")
    var sandbox = false

    /// The Twilio secrets in the environment, for the log redactor.
    var environmentSecrets: [String] {
        ["TWILIO_AUTH_TOKEN", "TWILIO_API_SECRET"].compactMap { ProcessInfo.processInfo.environment[$0] }
    }

    /// The configuration to use, and the sandbox started for it (stop it when done).
    func resolve() async throws -> (configuration: TwilioConfiguration, sandbox: SandboxServer?) {
        if !sandbox, let configuration = try TwilioConfiguration.fromEnvironment() {
            return (configuration, nil)
        }
        var logger = Logger(label: "twilio-sandbox")
        logger.logLevel = .warning
        let server = try await SandboxServer.start(.init(port: 0), logger: logger)
        FileHandle.standardError.write(Data("""
        No Twilio credentials in the environment: using an in-process sandbox at \(server.baseURL)
          (account \(server.configuration.accountSID); numbers \(server.configuration.ownedNumbers.joined(separator: ", ")))

        """.utf8))
        return (server.clientConfiguration, server)
    }
}
