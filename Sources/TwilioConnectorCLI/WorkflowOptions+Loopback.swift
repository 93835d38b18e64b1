import ArgumentParser
import ConnectorServer
import ConnectorVoice
import Logging
import TwilioKit

extension WorkflowOptions {
    /// What `run` needs to place a real-time call on `configuration` (the sandbox's when `sandbox`
    /// is set): the connector's routes on the loopback interface, at a free port for the sandbox;
    /// with Twilio itself at `port`, which `publicURL` must reach (nothing is dialled otherwise).
    func loopbackConnector(configuration: TwilioConfiguration, sandbox: EmbeddedSandbox?, publicURL: String?, port: Int,
                           logger: Logger) async throws -> LoopbackRealtimeConnector {
        if sandbox == nil, publicURL == nil {
            throw ValidationError("subWorkflow with Twilio needs a public URL at which Twilio reaches this command (the streams and status callbacks): "
                                  + "pass --public-url https://… (a tunnel to 127.0.0.1:\(port)), or set TWILIO_CONNECTOR_PUBLIC_URL. Nothing was dialled.")
        }
        return try await LoopbackRealtimeConnector.start(
            configuration: configuration, catalogue: try catalogue(fileAccess: .anywhere, logger: logger),
            security: WebhookSecurity(publicURL: publicURL, authToken: configuration.credentials.webhookSigningKey),
            publicURL: { publicURL ?? $0 }, port: sandbox == nil ? port : 0, logger: logger)
    }
}
