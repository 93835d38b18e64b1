import Hummingbird
import Logging
import NIOCore
import TwilioConnector

/// The connector's HTTP application: `/components`, `/actions/<action>`, `/healthz`. Shared by
/// `twilio-connector serve` and the tests.
public func buildApplication(
    configuration: ServerConfiguration, connector: Connector, logger: Logger = Logger(label: "ConnectorServer"),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(configuration: configuration, connector: connector),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "twilio-connector"),
        onServerRunning: onServerRunning,
        logger: logger)
}

/// The router alone, for `.router` tests.
public func buildRouter(configuration: ServerConfiguration, connector: Connector) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: JSONErrorMiddleware())
    router.get("healthz") { _, _ in JSONResponse.make(["status": "ok"]) }
    ComponentsController(connector: connector).addRoutes(to: router.group("components"))
    ActionsController(connector: connector, maximumBodyBytes: configuration.maximumBodyBytes).addRoutes(to: router.group("actions"))
    return router
}
