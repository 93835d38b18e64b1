import Logging
import ServiceLifecycle

/// The connector's routes (webhooks, streams, actions…) on a free port of the loopback interface,
/// in the background: for processes with no HTTP server of their own (`run`, `mcp`) that still
/// need Twilio — the sandbox — to reach them, and for tests.
public final class LoopbackConnectorServer: Sendable {
    /// Where it listens: `http://127.0.0.1:<port>`.
    public let url: String
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    private init(url: String, group: ServiceGroup, task: Task<Void, Never>) {
        self.url = url
        self.group = group
        self.task = task
    }

    /// Starts ``buildApplication(configuration:dependencies:logger:inFlight:onServerRunning:)`` on
    /// 127.0.0.1 at `port` (0: a free one; `configuration`'s host and port are ignored); returns once it listens.
    public static func start(configuration: ServerConfiguration, dependencies: ServerDependencies, port: Int = 0,
                             logger: Logger) async throws -> LoopbackConnectorServer {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = port
        let (ready, readyContinuation) = AsyncStream.makeStream(of: String.self)
        let application = buildApplication(configuration: configuration, dependencies: dependencies, logger: logger) { channel in
            readyContinuation.yield("http://127.0.0.1:\(channel.localAddress?.port ?? 0)")
            readyContinuation.finish()
        }
        let group = ServiceGroup(configuration: .connector(application, name: "twilio-connector-loopback", grace: shutdownGrace, logger: logger))
        let task = Task {
            do { try await group.run() } catch { logger.error("The connector's loopback routes stopped: \(error)") }
            readyContinuation.finish()
        }
        var iterator = ready.makeAsyncIterator()
        guard let url = await iterator.next() else {
            throw LoopbackServerError()
        }
        return LoopbackConnectorServer(url: url, group: group, task: task)
    }

    /// How long ``stop()`` waits for requests in flight and open connections before it closes them.
    /// Unbounded, a stop was seen to last 60 s under load (a connection the graceful shutdown did
    /// not close, released by the idle timeout); the process is done with its call by then.
    static let shutdownGrace = Duration.seconds(3)

    /// Stops it (requests in flight finish first, within ``shutdownGrace``).
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}

/// The loopback routes could not start.
public struct LoopbackServerError: Error, CustomStringConvertible {
    public var description: String { "The connector's routes could not start on the loopback interface." }
}
