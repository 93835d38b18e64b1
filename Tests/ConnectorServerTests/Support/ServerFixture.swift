import ConnectorServer
import ConnectorStore
import Foundation
import HTTPTypes
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// A connector server's router over a fresh store, against an in-process sandbox.
struct ServerFixture: Sendable {
    static let publicURL = "https://hooks.example.com"

    let sandbox: SandboxServer
    let store: SQLiteStore
    let authToken: String

    /// Runs `body` with a fixture and its router, stopping the sandbox afterwards. Twilio's
    /// requests are checked against `publicURL` (`nil`: the URL each request reached); the
    /// connector registers webhooks at `webhookBaseURL` (by default it knows none).
    static func with(maximumBodyBytes: Int = 1 << 20, apiTokens: [String] = [], publicURL: String? = ServerFixture.publicURL,
                     webhookBaseURL: @escaping @Sendable () -> String? = { nil },
                     _ body: (ServerFixture, Router<BasicRequestContext>) async throws -> Void) async throws {
        let sandbox = try await SandboxServer.start(.init(port: 0, statusStep: .milliseconds(20)))
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("server-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try SQLiteStore(path: folder.appendingPathComponent("connector.sqlite").path)
            let configuration = ServerConfiguration(
                port: 0, maximumBodyBytes: maximumBodyBytes,
                webhooks: WebhookSecurity(publicURL: publicURL, authToken: sandbox.configuration.authToken), apiTokens: apiTokens)
            let connector = Connector(configuration: sandbox.clientConfiguration, webhookBaseURL: webhookBaseURL)
            let dependencies = ServerDependencies(connector: connector, store: store)
            let router = buildRouter(configuration: configuration, dependencies: dependencies)
            try await body(ServerFixture(sandbox: sandbox, store: store, authToken: sandbox.configuration.authToken), router)
            await sandbox.stop()
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// A response's JSON object.
    static func json(_ response: TestResponse) throws -> [String: JSONValue] {
        try JSONParser.parse(response.body.readableBytesView).objectFields ?? [:]
    }

    /// Posts `form` to `path` signed for the public URL as Twilio signs it (`signature` overrides it).
    func postSigned(_ client: some TestClientProtocol, _ path: String, form: [(String, String)], signature: String? = nil,
                    headers extra: HTTPFields = [:], check: @escaping @Sendable (TestResponse) async throws -> Void) async throws {
        var parameters = FormParameters()
        for (name, value) in form { parameters.add(name, value) }
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[HTTPField.Name("X-Twilio-Signature")!] = signature
            ?? TwilioRequestValidator(authToken: authToken).signature(url: Self.publicURL + path, parameters: form)
        try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: parameters.encoded)) { try await check($0) }
    }
}
