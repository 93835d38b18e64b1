import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import TwilioConnector

/// The connector's HTTP application: actions, triggers (Twilio's webhooks and Event Streams in;
/// polls, streams and pushes out; registrations on numbers and Event Streams), real-time
/// workflows (`/streams/…`, WebSockets), `/healthz`. Shared by `twilio-connector serve` and the tests.
public func buildApplication(
    configuration: ServerConfiguration, dependencies: ServerDependencies, logger: Logger = Logger(label: "ConnectorServer"),
    inFlight: InFlightRequests = InFlightRequests(), onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let delivery = EventDeliveryService(dependencies: dependencies, logger: logger)
    let limits = configuration.limits
    var application = Application(
        router: buildRouter(configuration: configuration, dependencies: dependencies, logger: logger, inFlight: inFlight,
                            wakeDeliveries: delivery.wake),
        server: .connector(limits: limits, admission: StreamAdmission(voice: dependencies.voice, verifier: WebhookVerifier(security: configuration.webhooks),
                                                                      logger: logger)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "twilio-connector",
                             availableConnectionsDelegate: .maximum(limits.maximumConnections, logger: logger)),
        onServerRunning: onServerRunning,
        logger: logger)
    application.addServices(delivery)
    if let interval = configuration.transcriptPollInterval {
        application.addServices(TranscriptPollerService(dependencies: dependencies, interval: interval, includeSentences: true, logger: logger))
    }
    if let jobs = dependencies.connector.jobs { application.addServices(BulkJobWorker(jobs: jobs, logger: logger)) }
    return application
}

/// The router alone, for `.router` tests.
public func buildRouter(configuration: ServerConfiguration, dependencies: ServerDependencies, logger: Logger = Logger(label: "ConnectorServer"),
                        inFlight: InFlightRequests = InFlightRequests(), wakeDeliveries: @escaping @Sendable () -> Void = {}) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: InFlightMiddleware(register: inFlight))
    router.add(middleware: JSONErrorMiddleware())
    router.add(middleware: APITokenMiddleware(tokens: configuration.apiTokens))
    router.get("healthz") { _, _ in JSONResponse.make(["status": "ok"]) }
    MetricsController(registry: dependencies.metrics).addRoutes(to: router)
    let openAPI = Deferred { [connector = dependencies.connector] in JSONResponse.make(OpenAPIDocument.make(connector: connector)) }
    router.get("openapi.json") { _, _ in openAPI.value }
    ComponentsController(connector: dependencies.connector).addRoutes(to: router.group("components"))
    ActionsController(connector: dependencies.connector, maximumBodyBytes: configuration.maximumBodyBytes)
        .addRoutes(to: router.group("actions"))
    let verifier = WebhookVerifier(security: configuration.webhooks)
    let intake = WebhookIntake(dependencies: dependencies, verifier: verifier, maximumBodyBytes: configuration.maximumBodyBytes)
    let twilio = router.group("webhooks/twilio")
    EventStreamsController(intake: intake).addRoutes(to: twilio)
    WebhooksController(intake: intake).addRoutes(to: twilio)
    StreamsController(admission: StreamAdmission(voice: dependencies.voice, verifier: verifier, logger: logger))
        .addRoutes(to: router.group("streams"))
    RegistrationsController(registrar: dependencies.connector.registrar(store: dependencies.store, now: dependencies.now),
                            maximumBodyBytes: configuration.maximumBodyBytes)
        .addRoutes(to: router.group("registrations"))
    TriggersController(reader: TriggerEventReader(store: dependencies.store), heartbeat: .seconds(15))
        .addRoutes(to: router.group("triggers"))
    SubscriptionsController(dependencies: dependencies, maximumBodyBytes: configuration.maximumBodyBytes,
                            defaultRetrySchedule: configuration.defaultRetrySchedule, wake: wakeDeliveries)
        .addRoutes(subscriptions: router.group("subscriptions"), events: router.group("events"))
    MCPController(dependencies: dependencies, configuration: configuration, logger: logger).addRoutes(to: router.group("mcp"))
    JobsController(jobs: dependencies.connector.jobs).addRoutes(to: router.group("jobs"))
    return router
}
