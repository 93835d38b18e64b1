import ConnectorStore
import Foundation
import Testing
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// A sandbox, a store and a registrar on the sandbox's main account whose webhooks point at a
/// closed local port (so what reaches them is only seen in the sandbox's webhook log).
struct RegistrarFixture {
    static let base = "http://127.0.0.1:9"

    let connector: ConnectorFixture
    let store: SQLiteStore
    let registrar: Registrar

    var client: TwilioClient { connector.client }

    /// Runs `body` with a fresh fixture.
    static func with<T>(base: String? = RegistrarFixture.base, _ body: (RegistrarFixture) async throws -> T) async throws -> T {
        try await ConnectorFixture.with { connector in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registrar-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try SQLiteStore(path: folder.appendingPathComponent("connector.sqlite").path)
            let registrar = Registrar(client: connector.client, store: store, webhookBaseURL: { base })
            return try await body(RegistrarFixture(connector: connector, store: store, registrar: registrar))
        }
    }

    /// The URL a trigger's webhook is registered at, with `query`.
    static func webhook(_ trigger: String, query: String = "") -> String {
        base + "/webhooks/twilio/" + trigger + (query.isEmpty ? "" : "?" + query)
    }

    /// The sandbox's echo twimlet: a URL that answers TwiML, standing for a number's own application.
    var echoURL: String { connector.sandbox.baseURL + "/twimlets/echo?Twiml=%3CResponse%2F%3E" }

    /// The number `phoneNumber` of the account.
    func number(_ phoneNumber: String) async throws -> IncomingPhoneNumber {
        try #require(try await client.incomingPhoneNumbers.list(.init(phoneNumber: phoneNumber)).collect().first { $0.phoneNumber == phoneNumber })
    }

    /// Sets the number's settings as its owner would.
    func configure(_ phoneNumber: String, _ settings: IncomingPhoneNumberUpdateParameters) async throws {
        _ = try await client.incomingPhoneNumbers.update(try #require(try await number(phoneNumber).sid), settings)
    }

    /// A handset texts `to`; answers where the sandbox posted it (the URL of the webhook it sent).
    func text(_ to: String, _ body: String) async throws -> String? {
        _ = try await connector.sandboxPost("/sandbox/handsets/+14155550123/messages", form: [("To", to), ("Body", body)])
        let log = try await connector.sandboxJSON("/sandbox/webhooks")["webhooks"]?.arrayValue ?? []
        return log.last { $0.objectFields?["parameters"]?.objectFields?["Body"]?.scalarText == body }?.objectFields?["url"]?.scalarText
    }

    /// The registrar's error for `request`; `nil` when it registered.
    func refusal(_ request: RegistrationRequest) async -> RegistrationError? {
        do {
            _ = try await registrar.register(request)
            return nil
        } catch {
            return error
        }
    }
}

extension JSONValue {
    /// The items of an array.
    var arrayValue: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
}
