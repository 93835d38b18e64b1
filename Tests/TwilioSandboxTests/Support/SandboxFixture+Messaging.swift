import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

extension SandboxFixture {
    /// The SID of the demo template `name` (`order_shipped`, `product_photo`, `appointment_reminder`, `order_card`).
    func demoTemplate(_ name: String) async throws -> String {
        let templates = try await client.content.list().collect()
        return try #require(templates.first { $0.friendlyName == name }?.sid, "no demo template \(name)")
    }

    /// Message `sid` once it has reached a final status — `delivered` when the channel and the
    /// handset took it, `failed` with the refusal's code otherwise (or after ~10 s).
    func settled(_ sid: String?) async throws -> Message {
        let sid = try #require(sid)
        return try await eventually({ try await client.messages.fetch(sid) }) {
            MessageLifecycle(status: $0.status ?? .queued).isFinal
        }
    }

    /// `handset` sends a message to `to` through the inspection API with `form`'s extra fields;
    /// the answer's status and JSON.
    @discardableResult
    func handsetWrites(_ handset: String, to: String, _ form: [(String, String)] = [("Body", "Hello")]) async throws -> (status: Int, json: [String: Any]) {
        try await inspect(.post, "/sandbox/handsets/\(handset)/messages", form: [("To", to)] + form)
    }

    /// A JSON POST to the sandbox with the main account's credentials (the Content API takes JSON).
    func postJSON(_ path: String, _ body: String) async throws -> (status: Int, json: [String: Any]) {
        let configuration = server.configuration
        let credentials = Data("\(configuration.accountSID):\(configuration.authToken)".utf8).base64EncodedString()
        let request = TwilioHTTPRequest(method: .post, url: server.baseURL + path,
                                        headers: [(name: "Authorization", value: "Basic \(credentials)"),
                                                  (name: "Content-Type", value: "application/json")],
                                        body: Array(body.utf8))
        let response = try await HTTP1Transport().execute(request, timeout: .seconds(10))
        return (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:])
    }
}
