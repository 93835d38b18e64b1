import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

/// A sandbox on a free port with fast simulated time, and a TwilioKit client for its main account.
struct SandboxFixture {
    let server: SandboxServer
    let client: TwilioClient

    /// Starts a sandbox whose statuses change every `statusStep`.
    static func start(statusStep: Duration = .milliseconds(20), minimumScheduleLead: Duration = .seconds(2),
                      stateFile: String? = nil) async throws -> SandboxFixture {
        let server = try await SandboxServer.start(.init(port: 0, statusStep: statusStep, minimumScheduleLead: minimumScheduleLead,
                                                         stateFile: stateFile))
        return SandboxFixture(server: server, client: TwilioClient(configuration: server.clientConfiguration))
    }

    /// Runs `body` with a fresh sandbox, and stops it afterwards.
    static func with<T>(statusStep: Duration = .milliseconds(20), _ body: (SandboxFixture) async throws -> T) async throws -> T {
        let fixture = try await start(statusStep: statusStep)
        do {
            let result = try await body(fixture)
            await fixture.server.stop()
            return result
        } catch {
            await fixture.server.stop()
            throw error
        }
    }

    /// Polls `fetch` until `predicate` holds (or ~10 s pass).
    func eventually<T>(_ fetch: () async throws -> T, until predicate: (T) -> Bool) async throws -> T {
        for _ in 0..<500 {
            let value = try await fetch()
            if predicate(value) { return value }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await fetch()
    }

    /// A raw HTTP call to the sandbox with the main account's credentials, its answer as JSON
    /// (for the inspection API).
    func inspect(_ method: HTTPMethod, _ path: String, form: [(String, String)] = []) async throws -> (status: Int, json: [String: Any]) {
        let response = try await request(method, path, form: form)
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return (response.status, json)
    }

    /// A raw HTTP call to the sandbox with the main account's credentials.
    func request(_ method: HTTPMethod, _ path: String, form: [(String, String)] = []) async throws -> TwilioHTTPResponse {
        let credentials = Data("\(server.configuration.accountSID):\(server.configuration.authToken)".utf8).base64EncodedString()
        var headers: [(name: String, value: String)] = [(name: "Authorization", value: "Basic \(credentials)")]
        var body: [UInt8]?
        if !form.isEmpty {
            headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded"))
            var parameters = FormParameters()
            for (name, value) in form { parameters.add(name, value) }
            body = Array(parameters.encoded.utf8)
        }
        let request = TwilioHTTPRequest(method: method, url: server.baseURL + path, headers: headers, body: body)
        return try await HTTP1Transport().execute(request, timeout: .seconds(10))
    }
}
