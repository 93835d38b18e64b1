import ArgumentParser
import Foundation
import Logging
import TwilioKit
import TwilioSandbox

/// Where actions go: Twilio (credentials in the environment) or, with none, the embedded sandbox,
/// whose state persists between commands.
struct ConnectionOptions: ParsableArguments {
    @Flag(help: "Use the embedded sandbox even when Twilio credentials are set.")
    var sandbox = false

    @Option(name: .customLong("sandbox-state"),
            help: "The embedded sandbox's state file (default $XDG_STATE_HOME/twilio-connector/sandbox.sqlite); none keeps it in memory.")
    var sandboxState: String?

    @Option(name: .customLong("sandbox-port"), help: "The port the embedded sandbox prefers (any free one when taken).")
    var sandboxPort = 4010

    /// The state file to use, or `nil` for memory.
    var resolvedSandboxState: String? {
        switch sandboxState {
        case "none"?: nil
        case let path?: path
        case nil: EmbeddedSandbox.defaultStateFile
        }
    }

    /// The Twilio secrets in the environment, for the log redactor.
    var environmentSecrets: [String] {
        ["TWILIO_AUTH_TOKEN", "TWILIO_API_SECRET"].compactMap { ProcessInfo.processInfo.environment[$0] }
    }

    /// The configuration to use, and the embedded sandbox it talks to, if any (stop it when done).
    func resolve() async throws -> (configuration: TwilioConfiguration, sandbox: EmbeddedSandbox?) {
        if !sandbox, let configuration = try TwilioConfiguration.fromEnvironment() {
            return (configuration, nil)
        }
        let state = resolvedSandboxState
        let embedded = try await EmbeddedSandbox.attach(stateFile: state, preferredPort: sandboxPort)
        let how = embedded.owned == nil ? "shared with the process serving it" : state.map { "state in \($0)" } ?? "state in memory"
        FileHandle.standardError.write(Data("""
        No Twilio credentials in the environment: using an in-process sandbox at \(embedded.baseURL) (\(how))
          (account \(embedded.accountSID); numbers \(SandboxConfiguration().ownedNumbers.joined(separator: ", ")))

        """.utf8))
        return (embedded.clientConfiguration, embedded)
    }
}
