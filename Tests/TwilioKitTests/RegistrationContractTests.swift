import ConnectorStore
import Foundation
import Testing
import TwilioConnector
@testable import TwilioKit
import TwilioSandbox

/// Forwards every request to the sandbox and records it.
final class RecordingTransport: TwilioHTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [TwilioHTTPRequest] = []
    private let forward = HTTP1Transport()

    var requests: [TwilioHTTPRequest] { lock.withLock { recorded } }

    func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        lock.withLock { recorded.append(request) }
        return try await forward.execute(request, timeout: timeout)
    }
}

/// The registrations' requests are TwilioKit's typed requests, each an operation of Twilio's
/// official specs with the parameters the spec gives it (the contract tests of
/// IncomingPhoneNumbers, Messaging Services and Events hold those requests' shapes).
@Suite("Registrations: every request an operation of the official specs")
struct RegistrationContractTests {
    /// Plays the connector's `/webhooks/twilio/events` for sinks being validated: copies the
    /// `test_id` of each test event the sandbox delivered (its webhook log has them) to the store.
    static func relaySinkTests(from sandbox: SandboxServer, to store: any ConnectorStore) -> Task<Void, Never> {
        Task {
            let configuration = sandbox.configuration
            let authorization = "Basic " + Data("\(configuration.accountSID):\(configuration.authToken)".utf8).base64EncodedString()
            while !Task.isCancelled {
                let request = TwilioHTTPRequest(method: .get, url: sandbox.baseURL + "/sandbox/webhooks",
                                                headers: [(name: "Authorization", value: authorization)], body: nil)
                let log = try? await HTTP1Transport().execute(request, timeout: .seconds(5))
                let webhooks = log.flatMap { try? JSONParser.parse($0.body) }?.objectFields?["webhooks"]
                if case .array(let deliveries)? = webhooks {
                    for case .string(let body)? in deliveries.map({ $0.objectFields?["body"] }) {
                        for event in (try? EventSinkDelivery(body: Array(body.utf8)).events) ?? [] where event.type == CloudEvent.sinkTestEventType {
                            if case .string(let testID)? = event.data?.objectFields?["test_id"] {
                                try? await store.recordSinkTest(id: testID, receivedAt: Date())
                            }
                        }
                    }
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    @Test func registeringAndUnregisteringOnNumbersServicesAndEventStreamsSendsOnlySpecOperations() async throws {
        let sandbox = try await SandboxServer.start(.init(port: 0, statusStep: .milliseconds(20)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registration-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: folder.appendingPathComponent("connector.sqlite").path)
        let relay = Self.relaySinkTests(from: sandbox, to: store)
        defer { relay.cancel() }
        do {
            // Set-up, outside the recording: a number with a webhook of its own, a number in a
            // Messaging Service whose inbound webhook wins.
            let setup = TwilioClient(configuration: sandbox.clientConfiguration)
            let numbers = try await setup.incomingPhoneNumbers.list().collect()
            let first = try #require(numbers.first { $0.phoneNumber == "+14155550100" }?.sid)
            let second = try #require(numbers.first { $0.phoneNumber == "+14155550101" }?.sid)
            _ = try await setup.incomingPhoneNumbers.update(first, .init(smsURL: "https://studio.example.com/flow"))
            var service = FormParameters()
            service.add("FriendlyName", "Support")
            service.add("InboundRequestUrl", "https://support.example.com/sms")
            let created: MessagingService = try await setup.send(TwilioRequest(.post, .messaging, "/v1/Services", form: service))
            _ = try await setup.messagingServices.addPhoneNumber(second, serviceSid: try #require(created.sid))

            let transport = RecordingTransport()
            let registrar = Registrar(client: TwilioClient(configuration: sandbox.clientConfiguration, transport: transport), store: store,
                                      webhookBaseURL: { "http://127.0.0.1:9" }, sinkTestTimeout: .seconds(20))
            var ids: [String] = []
            for request in [
                RegistrationRequest(trigger: "newSms", target: .number("+14155550100"), replace: true, settings: ["Reply": "Thanks"]),
                RegistrationRequest(trigger: "inboundCall", target: .number(first), settings: ["subWorkflow": "echo"]),
                RegistrationRequest(trigger: "callStatus", target: .number("+14155550100")),
                RegistrationRequest(trigger: "newSms", target: .messagingServiceOf("+14155550101"), replace: true),
                RegistrationRequest(trigger: "messageStatus", target: .eventStreams),
                RegistrationRequest(trigger: "newSms", target: .eventStreams),
            ] {
                ids.append(try await registrar.register(request).id)
            }
            for id in ids.reversed() { _ = try await registrar.unregister(id: id) }

            var operations: Set<String> = []
            for request in transport.requests { operations.insert(try ContractHarness.validate(request, origin: sandbox.baseURL)) }
            #expect(operations.isSuperset(of: [
                "ListIncomingPhoneNumber", "FetchIncomingPhoneNumber", "UpdateIncomingPhoneNumber", "ListService", "ListPhoneNumber",
                "FetchService", "UpdateService", "ListSink", "CreateSink", "CreateSinkTest", "CreateSinkValidate", "FetchEventType", "FetchSchema",
                "CreateSubscription", "ListSubscription", "ListSubscribedEvent", "CreateSubscribedEvent", "DeleteSubscribedEvent",
                "DeleteSubscription", "DeleteSink",
            ]), "\(operations.sorted())")
            #expect(try await store.registrations().isEmpty)
            await sandbox.stop()
        } catch {
            await sandbox.stop()
            throw error
        }
    }
}
