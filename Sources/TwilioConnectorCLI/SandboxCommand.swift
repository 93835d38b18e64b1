import ArgumentParser
import Foundation
import Logging
import TwilioSandbox

/// `twilio-connector sandbox`: the local Twilio-compatible emulator — run one, or reset the
/// embedded one's state.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local, Twilio-compatible sandbox (no account, no internet), or reset the embedded one.",
        subcommands: [RunSandbox.self, ResetSandbox.self],
        defaultSubcommand: RunSandbox.self
    )
}

/// `twilio-connector sandbox reset`: forgets everything the embedded sandbox kept.
struct ResetSandbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Delete the embedded sandbox's state (its messages, calls and the rest), unless a process is using it.")

    @Option(name: .customLong("sandbox-state"), help: "The state file (default $XDG_STATE_HOME/twilio-connector/sandbox.sqlite).")
    var sandboxState: String?

    func run() async throws {
        let path = sandboxState ?? EmbeddedSandbox.defaultStateFile
        try EmbeddedSandbox.reset(stateFile: path)
        print("The sandbox state \(path) is reset.")
    }
}

/// `twilio-connector sandbox [run]`: serves a sandbox until interrupted.
struct RunSandbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a local, Twilio-compatible sandbox (no account, no internet)."
    )

    @Option(help: "The interface to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 4010

    @Option(name: .customLong("account-sid"), help: "The sandbox account's SID (AC + 32 hex digits).")
    var accountSID = SandboxConfiguration.defaultAccountSID

    @Option(name: .customLong("auth-token"), help: "The sandbox account's Auth Token.")
    var authToken = SandboxConfiguration.defaultAuthToken

    @Option(name: .customLong("status-step-ms"), help: "Milliseconds between two status changes of a message or call.")
    var statusStepMilliseconds = 300

    @Option(help: "A SQLite file that keeps messages, calls, numbers, verifications and the rest across restarts (created when missing).")
    var state: String?

    func validate() throws {
        guard accountSID.count == 34, accountSID.hasPrefix("AC"), accountSID.dropFirst(2).allSatisfy(\.isHexDigit) else {
            throw ValidationError("--account-sid must be AC followed by 32 hexadecimal digits")
        }
        guard !authToken.isEmpty else { throw ValidationError("--auth-token must not be empty") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard statusStepMilliseconds >= 0 else { throw ValidationError("--status-step-ms must not be negative") }
    }

    func run() async throws {
        let configuration = SandboxConfiguration(host: host, port: port, accountSID: accountSID, authToken: authToken,
                                                 statusStep: .milliseconds(statusStepMilliseconds), stateFile: state)
        var logger = Logger(label: "twilio-sandbox")
        logger.logLevel = .warning
        try await Sandbox.run(configuration: configuration, logger: logger) { baseURL in
            FileHandle.standardOutput.write(Data("""
            Twilio sandbox listening on \(baseURL)
              TWILIO_BASE_URL=\(baseURL)
              TWILIO_ACCOUNT_SID=\(configuration.accountSID)
              TWILIO_AUTH_TOKEN=\(configuration.authToken)
              Phone numbers: \(configuration.ownedNumbers.joined(separator: ", "))
              State: \(configuration.stateFile.map { "kept in \($0)" } ?? "in memory (--state FILE keeps it)")
              Inspect: curl -u $TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN \(baseURL)/sandbox/messages
            Press Ctrl-C to stop.

            """.utf8))
        }
    }
}
