import ConnectorMCP
@testable import ConnectorServer
import Foundation
import Logging
import MCP
import Synchronization
import Testing

/// A clock the tests move.
final class ManualClock: Sendable {
    private let current = Mutex(ContinuousClock.now)
    var now: ContinuousClock.Instant { current.withLock { $0 } }
    func advance(by duration: Duration) { current.withLock { $0 += duration } }
}

@Suite("MCP over HTTP: sessions and access")
struct MCPHTTPTests {
    static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"tests","version":"1"}}}"#

    static func post(_ body: String, session: String? = nil, headers: [String: String] = [:]) -> MCP.HTTPRequest {
        var all = ["Accept": "application/json, text/event-stream", "Content-Type": "application/json"].merging(headers) { $1 }
        if let session { all[HTTPHeaderName.sessionID] = session }
        return MCP.HTTPRequest(method: "POST", headers: all, body: Data(body.utf8), path: "/mcp")
    }

    static func registry(clock: ManualClock, idle: Duration = .seconds(60)) throws -> MCPSessionRegistry {
        let toolbox = try ToolboxFixture.offline().toolbox
        return MCPSessionRegistry(idleTimeout: idle, logger: Logger(label: "tests"), now: { clock.now }) { transport in
            try await ConnectorMCPServer.start(toolbox, on: transport, logger: Logger(label: "tests"))
        }
    }

    /// The JSON-RPC message of an SSE answer.
    static func message(_ response: MCP.HTTPResponse) async throws -> [String: Value] {
        guard case .stream(let stream, _) = response else { return [:] }
        var text = ""
        for try await chunk in stream { text += String(decoding: chunk, as: UTF8.self) }
        let data = text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { $0.dropFirst(6) }.last ?? ""
        return try JSONDecoder().decode(Value.self, from: Data(data.utf8)).objectValue ?? [:]
    }

    @Test func aSessionStartsWithInitializeAnswersItsRequestsAndEndsWithDelete() async throws {
        let registry = try Self.registry(clock: ManualClock())
        let started = await registry.handle(Self.post(Self.initialize))
        #expect(started.statusCode == 200)
        let session = try #require(started.headers[HTTPHeaderName.sessionID])
        #expect(try await Self.message(started)["result"]?.objectValue?["serverInfo"]?.objectValue?["name"] == "twilio-connector")

        let listed = await registry.handle(Self.post(#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#, session: session))
        #expect(try await Self.message(listed)["result"]?.objectValue?["tools"]?.arrayValue?.count == 20)

        let missing = await registry.handle(Self.post(#"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#))
        #expect(missing.statusCode == 400)
        let unknown = await registry.handle(Self.post(#"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#, session: "nope"))
        #expect(unknown.statusCode == 404)

        let ended = await registry.handle(MCP.HTTPRequest(method: "DELETE", headers: [HTTPHeaderName.sessionID: session], path: "/mcp"))
        #expect(ended.statusCode == 200)
        #expect(await registry.count == 0)
        #expect(await registry.handle(Self.post(#"{"jsonrpc":"2.0","id":4,"method":"tools/list"}"#, session: session)).statusCode == 404)
    }

    @Test func anIdleSessionExpiresAndItsStreamsEnd() async throws {
        let clock = ManualClock()
        let registry = try Self.registry(clock: clock, idle: .seconds(60))
        let session = try #require(await registry.handle(Self.post(Self.initialize)).headers[HTTPHeaderName.sessionID])
        let stream = await registry.handle(MCP.HTTPRequest(method: "GET", headers: ["Accept": "text/event-stream", HTTPHeaderName.sessionID: session]))
        clock.advance(by: .seconds(30))
        await registry.endIdleSessions()
        #expect(await registry.count == 1)
        clock.advance(by: .seconds(31))
        await registry.endIdleSessions()
        #expect(await registry.count == 0)
        guard case .stream(let events, _) = stream else { Issue.record("no stream: \(stream.statusCode)"); return }
        for try await _ in events {}  // ends: the session's streams closed
    }

    @Test func endingEverySessionClosesTheirStreams() async throws {
        let registry = try Self.registry(clock: ManualClock())
        var streams: [MCP.HTTPResponse] = []
        for _ in 0..<3 {
            let session = try #require(await registry.handle(Self.post(Self.initialize)).headers[HTTPHeaderName.sessionID])
            streams.append(await registry.handle(MCP.HTTPRequest(method: "GET", headers: ["Accept": "text/event-stream", HTTPHeaderName.sessionID: session])))
        }
        await registry.endAll()
        #expect(await registry.count == 0)
        for case .stream(let events, _) in streams { for try await _ in events {} }
    }

    @Test func beyondLoopbackATokenIsRequiredEvenWhenNoneIsConfigured() {
        let open = MCPAccessPolicy(apiTokens: [], loopbackOnly: false, allowedOrigins: [])
        #expect(open.validate(Self.post(Self.initialize), context: HTTPValidationContext(httpMethod: "POST"))?.statusCode == 403)
        #expect(ServerConfiguration(host: "0.0.0.0").isLoopback == false)
        #expect(ServerConfiguration(host: "127.0.0.1").isLoopback)
        #expect(ServerConfiguration(host: "localhost").isLoopback)
        #expect(ServerConfiguration(host: "::1").isLoopback)
    }

    @Test func onlyLocalOrAllowedBrowserOriginsMayCall() {
        let policy = MCPAccessPolicy(apiTokens: [], loopbackOnly: true, allowedOrigins: ["https://app.example.com"])
        func status(_ origin: String) -> Int? {
            policy.validate(Self.post(Self.initialize, headers: ["Origin": origin]), context: HTTPValidationContext(httpMethod: "POST"))?.statusCode
        }
        #expect(status("http://localhost:3000") == nil)
        #expect(status("http://127.0.0.1:6274") == nil)
        #expect(status("http://[::1]:8080") == nil)
        #expect(status("https://app.example.com") == nil)
        #expect(status("https://evil.example") == 403)
        #expect(status("http://localhost.evil.example") == 403)
        #expect(status("null") == 403)
    }
}
