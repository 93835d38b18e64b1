import ConnectorStore
import ConnectorVoice
import Foundation
import Logging
import Synchronization
import TwilioConnector
import TwilioKit

/// A connector that places real-time calls (makeCall's `subWorkflow`) from a process with no HTTP
/// server of its own (`run`, tests): its routes — webhooks and media streams — on the loopback
/// interface, where the sandbox (or, through a tunnel, Twilio) reaches them, and a store of its own
/// for the calls' status callbacks (a temporary file, deleted by ``stop()``).
public final class LoopbackRealtimeConnector: Sendable {
    /// The connector, whose makeCall runs the workflows.
    public let connector: Connector
    /// Its real-time calls.
    public let voice: RealtimeCalls
    /// Its routes.
    public let routes: LoopbackConnectorServer
    /// The store the status callbacks land in.
    public let store: SQLiteStore
    private let folder: URL

    private init(connector: Connector, voice: RealtimeCalls, routes: LoopbackConnectorServer, store: SQLiteStore, folder: URL) {
        self.connector = connector
        self.voice = voice
        self.routes = routes
        self.store = store
        self.folder = folder
    }

    /// Starts a connector on `configuration` running `catalogue`'s workflows, its routes at `port`
    /// (0: a free one) checking Twilio's signatures with `security`. `publicURL` maps the routes'
    /// own URL to the one Twilio reaches them at (`nil`: Twilio cannot reach them).
    public static func start(configuration: TwilioConfiguration, catalogue: WorkflowCatalogue, security: WebhookSecurity,
                             publicURL: @escaping @Sendable (_ routes: String) -> String? = { $0 }, port: Int = 0,
                             settings: RealtimeCallSettings = RealtimeCallSettings(), logger: Logger) async throws -> LoopbackRealtimeConnector {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twilio-connector-calls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            let store = try SQLiteStore(path: folder.appendingPathComponent("events.sqlite").path)
            let local = RoutesURL()
            let base: @Sendable () -> String? = { local.value.withLock { $0 }.flatMap(publicURL) }
            let voice = RealtimeCalls(catalogue: catalogue, publicURL: base, store: store, client: TwilioClient(configuration: configuration),
                                      settings: settings, logger: logger)
            let connector = Connector(configuration: configuration, webhookBaseURL: base, realtime: voice)
            let routes: LoopbackConnectorServer
            do {
                routes = try await LoopbackConnectorServer.start(
                    configuration: ServerConfiguration(webhooks: security), dependencies: ServerDependencies(connector: connector, store: store, voice: voice),
                    port: port, logger: logger)
            } catch {
                await store.close()
                throw error
            }
            local.value.withLock { $0 = routes.url }
            return LoopbackRealtimeConnector(connector: connector, voice: voice, routes: routes, store: store, folder: folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Stops the routes and deletes the store.
    public func stop() async {
        await routes.stop()
        await store.close()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// The routes' URL, known once they listen.
private final class RoutesURL: Sendable {
    let value = Mutex<String?>(nil)
}
