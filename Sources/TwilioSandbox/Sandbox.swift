import Foundation
import Hummingbird
import Logging
import NIOCore
import TwilioKit

/// The sandbox's HTTP application: every Twilio domain under its own prefix, mirroring
/// `https://<domain>.twilio.com/…`, plus the inspection API under `/sandbox`.
public enum Sandbox {
    /// Builds the application and the world it serves.
    static func buildApplication(
        configuration: SandboxConfiguration, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) async -> (application: some ApplicationProtocol, world: SandboxWorld) {
        let world = SandboxWorld(configuration: configuration, logger: logger)
        await world.seed()
        let router = Router(context: SandboxRequestContext.self)
        router.add(middleware: TwilioNotFoundMiddleware())
        router.add(middleware: TwilioAuthMiddleware(accounts: world.accounts))
        let faults = FaultInjectionMiddleware(faults: world.faults)

        let account = router.group("api/2010-04-01/Accounts/{AccountSid}").add(middleware: faults)
        MessagesController(world: world).addRoutes(to: account)
        IncomingPhoneNumbersController(world: world).addRoutes(to: account)
        KeysController(world: world).addRoutes(to: account)

        InspectionController(world: world).addRoutes(to: router.group("sandbox"))

        let application = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "TwilioSandbox"),
            onServerRunning: onServerRunning,
            logger: logger)
        return (application, world)
    }

    /// Runs the sandbox until the process is interrupted (SIGINT/SIGTERM).
    public static func run(configuration: SandboxConfiguration, logger: Logger = Logger(label: "TwilioSandbox"),
                           onServerRunning: @escaping @Sendable (_ baseURL: String) async -> Void = { _ in }) async throws {
        let (application, _) = await buildApplication(configuration: configuration, logger: logger) { channel in
            await onServerRunning("http://\(configuration.host):\(channel.localAddress?.port ?? configuration.port)")
        }
        try await application.runService()
    }
}
