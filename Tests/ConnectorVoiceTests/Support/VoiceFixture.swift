import ConnectorServer
import ConnectorStore
import ConnectorVoice
import Foundation
import Logging
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// The whole loop in this process: a sandbox whose calls stream the caller's `audio`, and a
/// connector — its routes on a loopback port, real-time calls on a store of its own — that the
/// sandbox's calls, streams and status callbacks reach.
struct VoiceFixture {
    let sandbox: SandboxServer
    let loopback: LoopbackRealtimeConnector
    /// Where the workflows' files are.
    let folder: URL

    var store: SQLiteStore { loopback.store }
    var voice: RealtimeCalls { loopback.voice }
    var connector: Connector { loopback.connector }
    var routes: LoopbackConnectorServer { loopback.routes }

    /// A TwilioKit client of the sandbox's main account.
    var client: TwilioClient { TwilioClient(configuration: sandbox.clientConfiguration) }

    /// Runs `body` with a fresh fixture, stopping it afterwards. `workflows` (a workflows file's
    /// JSON) adds to the built-ins; `publicURL` maps the routes' own URL to the public one (`nil` for none).
    static func with<T>(audio: MediaStreamAudio = MediaStreamAudio(source: .speechLike, seconds: 1),
                        workflows: JSONValue = [:], extra: [String: any RealtimeWorkflow] = [:],
                        publicURL: @escaping @Sendable (String) -> String? = { $0 },
                        _ body: (VoiceFixture) async throws -> T) async throws -> T {
        let fixture = try await start(audio: audio, workflows: workflows, extra: extra, publicURL: publicURL)
        do {
            let result = try await body(fixture)
            await fixture.stop()
            return result
        } catch {
            await fixture.stop()
            throw error
        }
    }

    private static func start(audio: MediaStreamAudio, workflows: JSONValue, extra: [String: any RealtimeWorkflow],
                              publicURL: @escaping @Sendable (String) -> String?) async throws -> VoiceFixture {
        var logger = Logger(label: "voice-tests")
        logger.logLevel = .warning
        let sandbox = try await SandboxServer.start(.init(port: 0, statusStep: .milliseconds(20), mediaStreamAudio: audio))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voice-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let environment = WorkflowKind.Environment(fileAccess: .confined(to: folder.appendingPathComponent("files").path),
                                                   dialer: WebSocketMediaStreamDialer(logger: logger), directory: folder.path)
        var catalogue = try WorkflowCatalogue(definitions: workflows, environment: environment)
        for (name, workflow) in extra { catalogue = catalogue.adding(name, workflow) }
        let loopback = try await LoopbackRealtimeConnector.start(
            configuration: sandbox.clientConfiguration, catalogue: catalogue,
            security: WebhookSecurity(authToken: sandbox.configuration.authToken), publicURL: publicURL,
            settings: RealtimeCallSettings(pollInterval: .seconds(2), resultWait: .seconds(5)), logger: logger)
        return VoiceFixture(sandbox: sandbox, loopback: loopback, folder: folder)
    }

    func stop() async {
        await loopback.stop()
        await sandbox.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs an action; its envelope's fields.
    func run(_ action: String, _ parameters: JSONValue) async -> [String: JSONValue] {
        if case .object(let fields) = await connector.run(action, parameters: parameters) { return fields }
        return [:]
    }

    /// A request to the sandbox as its main account (its inspection API or a Twilio path).
    func sandboxRequest(_ method: TwilioKit.HTTPMethod, _ path: String, form: [(String, String)]? = nil) async throws -> TwilioHTTPResponse {
        let configuration = sandbox.configuration
        let authorization = "Basic " + Data("\(configuration.accountSID):\(configuration.authToken)".utf8).base64EncodedString()
        var headers: [(name: String, value: String)] = [(name: "Authorization", value: authorization)]
        var body: [UInt8]?
        if let form {
            var parameters = FormParameters()
            for (name, value) in form { parameters.add(name, value) }
            headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded"))
            body = Array(parameters.encoded.utf8)
        }
        return try await HTTP1Transport().execute(TwilioHTTPRequest(method: method, url: sandbox.baseURL + path, headers: headers, body: body),
                                                            timeout: .seconds(10))
    }

    /// What the workflow streamed to the call `sid`, as 8 kHz PCM (from the sandbox's `/audio`).
    func streamedAudio(of sid: String) async throws -> [Int16] {
        let response = try await sandboxRequest(.get, "/sandbox/calls/\(sid)/audio")
        guard response.status == 200 else { return [] }
        return try WAVFile.samples(of: response.body)
    }

    /// Every call the sandbox has.
    func calls() async throws -> [Call] {
        var calls: [Call] = []
        for try await call in client.calls.list() { calls.append(call) }
        return calls
    }

    /// Points the sandbox number `number`'s voice webhook at the connector's inboundCall trigger for `workflow`.
    func pointNumber(_ number: String, at workflow: String) async throws {
        for try await incoming in client.incomingPhoneNumbers.list(.init(phoneNumber: number)) {
            guard let sid = incoming.sid else { continue }
            var settings = IncomingPhoneNumberUpdateParameters()
            settings.voiceURL = routes.url + "/webhooks/twilio/inboundCall?subWorkflow=" + workflow
            settings.voiceMethod = .post
            _ = try await client.incomingPhoneNumbers.update(sid, settings)
        }
    }
}
