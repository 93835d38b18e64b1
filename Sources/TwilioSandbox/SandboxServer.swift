import Logging
import ServiceLifecycle
import TwilioKit

/// A sandbox running in this process, for tests and for commands that need a Twilio without an
/// account. Stop it with ``stop()``.
public final class SandboxServer: Sendable {
    /// `http://127.0.0.1:<port>`: set it as `TWILIO_BASE_URL`.
    public let baseURL: String
    /// The configuration it runs with.
    public let configuration: SandboxConfiguration
    let world: SandboxWorld
    private let task: Task<Void, any Error>
    private let services: ServiceGroup

    /// A running server, `task` running its `services`.
    private init(baseURL: String, configuration: SandboxConfiguration, world: SandboxWorld, task: Task<Void, any Error>, services: ServiceGroup) {
        self.baseURL = baseURL
        self.configuration = configuration
        self.world = world
        self.task = task
        self.services = services
    }

    /// Starts a sandbox (on a free port unless `configuration.port` says otherwise) and returns
    /// once it accepts connections.
    public static func start(_ configuration: SandboxConfiguration = .init(port: 0),
                             logger: Logger = Logger(label: "TwilioSandbox")) async throws -> SandboxServer {
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let (application, world) = try await Sandbox.buildApplication(configuration: configuration, logger: logger) { channel in
            portContinuation.yield(channel.localAddress?.port ?? configuration.port)
            portContinuation.finish()
        }
        let services = ServiceGroup(configuration: Sandbox.services(application, logger: logger))
        let task = Task { try await services.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            throw SandboxStartError(reason: "the server stopped before it listened")
        }
        return SandboxServer(baseURL: "http://\(configuration.host):\(port)", configuration: configuration, world: world, task: task, services: services)
    }

    /// Stops the server.
    public func stop() async {
        await world.background.stop()
        await services.triggerGracefulShutdown()
        _ = await task.result
    }

    /// The TwilioKit configuration that talks to this sandbox as its main account.
    public var clientConfiguration: TwilioConfiguration {
        TwilioConfiguration(credentials: .authToken(accountSID: configuration.accountSID, authToken: configuration.authToken),
                            endpoint: .baseURL(baseURL))
    }

    /// The environment variables that point the official SDKs' conventions (and TwilioKit) here.
    public var environment: [String: String] {
        ["TWILIO_ACCOUNT_SID": configuration.accountSID, "TWILIO_AUTH_TOKEN": configuration.authToken, "TWILIO_BASE_URL": baseURL]
    }
}
