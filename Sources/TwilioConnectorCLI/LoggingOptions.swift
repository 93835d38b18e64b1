import ArgumentParser
import ConnectorServer
import Foundation
import Logging

/// How much the command logs, and in which format (on standard error; standard output stays for
/// results and protocol messages).
struct LoggingOptions: ParsableArguments {
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (also LOG_LEVEL; default info).")
    var level: Logger.Level?

    @Option(name: .customLong("log-format"), help: "text, or json for one JSON object per line (log shippers).")
    var format: ConnectorLogHandler.Format = .text

    /// The level: the option, `LOG_LEVEL`, or info.
    var resolvedLevel: Logger.Level {
        level ?? ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
    }

    /// Sends every logger of the process through the connector's handler, removing `secrets`.
    func bootstrap(secrets: [String]) {
        SecretRedactor.shared.register(secrets)
        let level = resolvedLevel
        let format = format
        LoggingSystem.bootstrap { label in ConnectorLogHandler(label: label, level: level, format: format) }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension ConnectorLogHandler.Format: ExpressibleByArgument {}
