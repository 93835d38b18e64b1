import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TwilioConnector
import TwilioKit
import TwilioSandbox
@testable import ConnectorServer

@Suite("The connector's HTTP server")
struct ConnectorServerTests {
    private func withServer(maximumBodyBytes: Int = 1 << 20, _ body: @Sendable (any TestClientProtocol, SandboxServer) async throws -> Void) async throws {
        try await ServerFixture.with(maximumBodyBytes: maximumBodyBytes) { fixture, router in
            try await Application(router: router).test(.router) { client in try await body(client, fixture.sandbox) }
        }
    }

    private func json(_ response: TestResponse) throws -> [String: JSONValue] {
        try ServerFixture.json(response)
    }

    @Test func healthAndComponents() async throws {
        try await withServer { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
            let definitions = try await client.execute(uri: "/components/twilio", method: .get) { response in
                let fields = try json(response)
                #expect(fields["component"] != nil)
                #expect(fields["toolkit"] != nil)
                #expect(fields["block"] != nil)
                return response.body
            }
            let actions = try await client.execute(uri: "/actions", method: .get) { response in
                let listed = try json(response)["actions"]?.arrayItems ?? []
                #expect(!listed.isEmpty)
                return response.body
            }
            // Built once, on first use: every later request gets the same document, whole.
            #expect(try await client.execute(uri: "/components/twilio", method: .get) { $0.body } == definitions)
            #expect(try await client.execute(uri: "/actions", method: .get) { $0.body } == actions)
        }
    }

    @Test func runsAnActionAgainstTheSandbox() async throws {
        try await withServer { client, sandbox in
            let body = ByteBuffer(string: #"{"To": "+14155559999", "From": "+15005550006", "Body": "over HTTP"}"#)
            try await client.execute(uri: "/actions/sendSMS", method: .post, body: body) { response in
                #expect(response.status == .ok)
                let fields = try json(response)
                #expect(fields["success"] == .bool(true))
                #expect(fields["status"] == .string("queued"))
            }
            let messages = try await TwilioClient(configuration: sandbox.clientConfiguration).messages.list().collect()
            #expect(messages.map(\.body) == ["over HTTP"])
        }
    }

    @Test(arguments: [("/actions/sendSMS", "sendSMS"), ("/actions//sendSMS/", "sendSMS"), ("/actions/a/b", "a/b"), ("/actions//a//b/", "a/b"),
                      ("/actions/", ""), ("/actions/send%53MS", "send%53MS"), ("/actions/é", "é")])
    func anActionIsNamedByThePathAfterItsFirstSegment(path: String, name: String) {
        #expect(ActionsController.actionPath(path) == name)
        #expect(ActionsController.actionPath(path) == path.split(separator: "/").dropFirst().joined(separator: "/"), "as split by strings")
    }

    @Test func badRequestsGetJSONErrors() async throws {
        try await withServer(maximumBodyBytes: 256) { client, _ in
            try await client.execute(uri: "/actions/sendSMS", method: .post, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
                let error = try json(response)["error"]
                #expect(error.map { if case .string(let text) = $0 { text.contains("not valid JSON") } else { false } } == true)
            }
            try await client.execute(uri: "/actions/sendFax", method: .post, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .notFound)
                let fields = try json(response)
                #expect(fields["success"] == .bool(false))
            }
            try await client.execute(uri: "/actions/sendSMS", method: .post, body: ByteBuffer(string: #"{"Body": "\#(String(repeating: "x", count: 400))"}"#)) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                let fields = try json(response)
                #expect(fields["success"] == .bool(false))
            }
        }
    }

    @Test func invalidParametersAreAnEnvelopeNotAnHTTPError() async throws {
        try await withServer { client, _ in
            try await client.execute(uri: "/actions/sendSMS", method: .post, body: ByteBuffer(string: #"{"To": "nope", "Body": "x"}"#)) { response in
                #expect(response.status == .ok)
                let fields = try json(response)
                #expect(fields["success"] == .bool(false))
                #expect(fields["invalidParameters"] != nil)
            }
        }
    }
}
