import ConnectorServer
import ConnectorVoice
import Foundation
import Logging
import Testing
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// A sandbox in-process and a connector whose default connection is its main account, with the
/// built-in real-time workflows (its routes on a loopback port, which the sandbox's calls reach).
struct ConnectorFixture {
    let sandbox: SandboxServer
    let loopback: LoopbackRealtimeConnector

    var connector: Connector { loopback.connector }

    /// Runs `body` with a fresh sandbox and connector, stopping them afterwards.
    static func with<T>(_ body: (ConnectorFixture) async throws -> T) async throws -> T {
        let sandbox = try await SandboxServer.start(.init(port: 0, statusStep: .milliseconds(20), minimumScheduleLead: .seconds(2)))
        var logger = Logger(label: "connector-tests")
        logger.logLevel = .warning
        let loopback: LoopbackRealtimeConnector
        do {
            let environment = WorkflowKind.Environment(fileAccess: .anywhere, dialer: WebSocketMediaStreamDialer(logger: logger))
            loopback = try await LoopbackRealtimeConnector.start(
                configuration: sandbox.clientConfiguration, catalogue: WorkflowCatalogue(environment: environment),
                security: WebhookSecurity(authToken: sandbox.configuration.authToken), logger: logger)
        } catch {
            await sandbox.stop()
            throw error
        }
        let fixture = ConnectorFixture(sandbox: sandbox, loopback: loopback)
        do {
            let result = try await body(fixture)
            await fixture.stop()
            return result
        } catch {
            await fixture.stop()
            throw error
        }
    }

    private func stop() async {
        await loopback.stop()
        await sandbox.stop()
    }

    /// Runs an action and returns its envelope as an object.
    func run(_ action: String, _ parameters: JSONValue, connection: JSONValue? = nil) async -> [String: JSONValue] {
        if case .object(let fields) = await connector.run(action, parameters: parameters, connection: connection) { return fields }
        return [:]
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// A string field.
    func text(_ key: String) -> String? { if case .string(let value)? = self[key] { value } else { nil } }
    /// A boolean field.
    func flag(_ key: String) -> Bool? { if case .bool(let value)? = self[key] { value } else { nil } }
    /// A number field.
    func number(_ key: String) -> Double? { if case .number(let value)? = self[key] { value } else { nil } }
    /// An object field.
    func object(_ key: String) -> [String: JSONValue]? { if case .object(let value)? = self[key] { value } else { nil } }
    /// An array field.
    func array(_ key: String) -> [JSONValue]? { if case .array(let value)? = self[key] { value } else { nil } }
}
