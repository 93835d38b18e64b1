import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The sandbox's HTTP application: every Twilio domain under its own prefix, mirroring
/// `https://<domain>.twilio.com/…`, plus the inspection API under `/sandbox`.
public enum Sandbox {
    /// Builds the application and the world it serves.
    static func buildApplication(
        configuration: SandboxConfiguration, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) async throws -> (application: some ApplicationProtocol, world: SandboxWorld) {
        let world = try SandboxWorld(configuration: configuration, logger: logger)
        await world.seed()
        let router = Router(context: SandboxRequestContext.self)
        router.add(middleware: TwilioNotFoundMiddleware())
        router.add(middleware: TwilioAuthMiddleware(accounts: world.accounts))
        let faults = FaultInjectionMiddleware(faults: world.faults)

        let account = router.group("api/2010-04-01/Accounts/{AccountSid}").add(middleware: faults)
        MessagesController(messaging: world.messaging).addRoutes(to: account)
        IncomingPhoneNumbersController(phoneNumbers: world.phoneNumbers).addRoutes(to: account)
        ApplicationsController(applications: world.applications).addRoutes(to: account)
        KeysController(accounts: world.accounts).addRoutes(to: account)
        CallsController(voice: world.voice).addRoutes(to: account)
        RecordingsController(voice: world.voice).addRoutes(to: account)

        LookupsController(lookups: world.lookups).addRoutes(to: router.group("lookups/v2").add(middleware: faults))
        MessagingServicesController(messagingServices: world.messagingServices)
            .addRoutes(to: router.group("messaging/v1").add(middleware: faults))
        let verify = router.group("verify/v2").add(middleware: faults)
        VerifyServicesController(verify: world.verify).addRoutes(to: verify)
        VerificationsController(verify: world.verify).addRoutes(to: verify)
        TranscriptsController(intelligence: world.intelligence).addRoutes(to: router.group("intelligence/v2").add(middleware: faults))
        ContentController(content: world.content).addRoutes(to: router.group("content/v1").add(middleware: faults))
        EventsController(events: world.events).addRoutes(to: router.group("events/v1").add(middleware: faults))

        TwimletsController().addRoutes(to: router.group(RouterPath(TwimletsController.prefix)))
        let sandbox = router.group("sandbox")
        AccountOverviewController(phoneNumbers: world.phoneNumbers).addRoutes(to: sandbox)
        NumberProvisioningController(phoneNumbers: world.phoneNumbers).addRoutes(to: sandbox)
        MessagesInspectionController(messaging: world.messaging).addRoutes(to: sandbox)
        HandsetsController(handsets: world.handsets).addRoutes(to: sandbox)
        WebhooksController(log: world.webhookLog).addRoutes(to: sandbox)
        FaultsController(faults: world.faults).addRoutes(to: sandbox)
        VoiceInspectionController(voice: world.voice, handsets: world.handsets).addRoutes(to: sandbox)
        VerifyInspectionController(verify: world.verify).addRoutes(to: sandbox)
        TranscriptAdminController(intelligence: world.intelligence).addRoutes(to: sandbox)
        ClockController(clock: world.clock).addRoutes(to: sandbox)
        WhatsAppSendersController(senders: world.messagingRules.whatsAppSenders).addRoutes(to: sandbox)
        GeoPermissionsController(permissions: world.messagingRules.geoPermissions).addRoutes(to: sandbox)
        ContentInspectionController(content: world.content).addRoutes(to: sandbox)

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
        let (application, _) = try await buildApplication(configuration: configuration, logger: logger) { channel in
            await onServerRunning("http://\(configuration.host):\(channel.localAddress?.port ?? configuration.port)")
        }
        var services = services(application, logger: logger)
        services.gracefulShutdownSignals = [.sigterm, .sigint]
        try await ServiceGroup(configuration: services).run()
    }

    /// How long a stopping sandbox waits for its connections to close before it closes them.
    /// Unbounded, a stop was seen to last 60 s under load (a connection the graceful shutdown did
    /// not close, released by a client's idle timeout); nothing a sandbox serves takes this long.
    static let shutdownGrace = Duration.seconds(3)

    /// The service group running `application`, shut down within ``shutdownGrace``. The application
    /// is named: unnamed, a service is named by its description, the whole router reflected field
    /// by field, at every start.
    static func services(_ application: some Service, logger: Logger) -> ServiceGroupConfiguration {
        var configuration = ServiceGroupConfiguration(services: [.init(service: application, serviceName: "twilio-sandbox")], logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownGrace
        return configuration
    }
}
