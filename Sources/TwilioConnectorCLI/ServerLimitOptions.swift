import ArgumentParser
import ConnectorServer

/// How long `serve` waits for clients and for itself.
struct ServerLimitOptions: ParsableArguments {
    @Option(name: .customLong("idle-timeout"), help: "Seconds an idle keep-alive connection stays open.")
    var idleTimeout = 60

    @Option(name: .customLong("read-timeout"), help: "Seconds a client has to send a whole request (headers and body).")
    var readTimeout = 10

    @Option(name: .customLong("max-connections"), help: "The most client connections open at once; more wait to be accepted.")
    var maximumConnections = 1024

    @Option(name: .customLong("shutdown-grace"), help: "Seconds to let requests in flight finish on SIGINT/SIGTERM; a second signal stops at once.")
    var shutdownGrace = 10

    func validate() throws {
        guard idleTimeout > 0, readTimeout > 0 else { throw ValidationError("--idle-timeout and --read-timeout must be positive") }
        guard maximumConnections > 0 else { throw ValidationError("--max-connections must be positive") }
        guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace must not be negative") }
    }

    /// The limits for the server.
    var serverLimits: ServerLimits {
        ServerLimits(idleTimeout: .seconds(idleTimeout), readTimeout: .seconds(readTimeout), maximumConnections: maximumConnections,
                     shutdownGrace: .seconds(shutdownGrace))
    }
}
