import Foundation
import TwilioKit

extension ConnectorFixture {
    /// A TwilioKit client for the sandbox's main account, to set up and check what actions did.
    var client: TwilioClient { TwilioClient(configuration: sandbox.clientConfiguration) }

    /// A form request to the sandbox (its inspection API or a Twilio path) as the main account; returns the status.
    func sandboxForm(_ method: TwilioKit.HTTPMethod, _ path: String, form: [(String, String)]) async throws -> Int {
        var parameters = FormParameters()
        for (name, value) in form { parameters.add(name, value) }
        return try await sandboxRequest(method, path, body: parameters.encoded).status
    }

    /// A form POST to the sandbox as the main account; the answer as JSON.
    func sandboxPost(_ path: String, form: [(String, String)]) async throws -> [String: JSONValue] {
        var parameters = FormParameters()
        for (name, value) in form { parameters.add(name, value) }
        let response = try await sandboxRequest(.post, path, body: parameters.encoded)
        return try JSONDecoder().decode(JSONValue.self, from: Data(response.body)).objectFields ?? [:]
    }

    /// A GET of the sandbox (its inspection API or a Twilio path) as the main account, as JSON.
    func sandboxJSON(_ path: String) async throws -> [String: JSONValue] {
        let response = try await sandboxRequest(.get, path, body: nil)
        return try JSONDecoder().decode(JSONValue.self, from: Data(response.body)).objectFields ?? [:]
    }

    private func sandboxRequest(_ method: TwilioKit.HTTPMethod, _ path: String, body: String?) async throws -> TwilioHTTPResponse {
        let configuration = sandbox.configuration
        let authorization = "Basic " + Data("\(configuration.accountSID):\(configuration.authToken)".utf8).base64EncodedString()
        var headers: [(name: String, value: String)] = [(name: "Authorization", value: authorization)]
        if body != nil { headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded")) }
        return try await HTTP1Transport().execute(
            TwilioHTTPRequest(method: method, url: sandbox.baseURL + path, headers: headers, body: body.map { Array($0.utf8) }),
            timeout: .seconds(10))
    }
}
