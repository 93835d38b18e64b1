import Foundation
import Logging
import MCP
import TwilioKit

/// The MCP sessions of a server, by `MCP-Session-Id`: an `initialize` without a session starts
/// one; later requests go to their session's transport; `DELETE`, idleness past the timeout and
/// server shutdown end them (ending a session closes its streams, so none holds a graceful
/// shutdown open).
actor MCPSessionRegistry {
    private var sessions: [String: MCPSession] = [:]
    private let idleTimeout: Duration
    private let startServer: @Sendable (any Transport) async throws -> MCP.Server
    private let now: @Sendable () -> ContinuousClock.Instant
    private let logger: Logger
    /// Ends idle sessions while there are sessions.
    private var sweeper: Task<Void, Never>?

    /// A registry whose sessions each run a server that `startServer` starts on the session's
    /// transport, and end after `idleTimeout` without a request.
    init(idleTimeout: Duration, logger: Logger, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
         startServer: @escaping @Sendable (any Transport) async throws -> MCP.Server) {
        self.idleTimeout = idleTimeout
        self.startServer = startServer
        self.now = now
        self.logger = logger
    }

    /// The number of open sessions.
    var count: Int { sessions.count }

    /// Routes `request` to its session, or starts one for an `initialize`.
    func handle(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
        await endIdleSessions()
        guard let id = request.header(HTTPHeaderName.sessionID) else { return await start(request) }
        guard let session = sessions[id] else {
            return .error(statusCode: 404, .invalidRequest("Not Found: no session \(id) (it ended or expired); initialize a new one"))
        }
        sessions[id]?.lastRequest = now()
        let response = await session.transport.handleRequest(request)
        if request.method.uppercased() == "DELETE", response.statusCode == 200 { await end(id, reason: "closed by the client") }
        return response
    }

    /// Ends every session (at shutdown).
    func endAll() async {
        sweeper?.cancel()
        sweeper = nil
        for id in Array(sessions.keys) { await end(id, reason: "the server is stopping") }
    }

    /// Ends the sessions idle for longer than the timeout.
    func endIdleSessions() async {
        let oldest = now() - idleTimeout
        for (id, session) in sessions where session.lastRequest < oldest { await end(id, reason: "idle") }
    }

    private func start(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
        guard request.method.uppercased() == "POST", let body = request.body,
              (try? JSONParser.parse(body))?.objectFields?["method"] == .string("initialize") else {
            return .error(statusCode: 400, .invalidRequest("Bad Request: Missing \(HTTPHeaderName.sessionID) header; initialize first"))
        }
        let transport = StatefulHTTPServerTransport(validationPipeline: StandardValidationPipeline(validators: [
            AcceptHeaderValidator(mode: .sseRequired), ContentTypeValidator(), ProtocolVersionValidator(), SessionValidator(),
        ]))
        let server: MCP.Server
        do {
            server = try await startServer(transport)
        } catch {
            return .error(statusCode: 500, .internalError("The MCP session could not start: \(error)"))
        }
        let response = await transport.handleRequest(request)
        guard let id = response.headers[HTTPHeaderName.sessionID], response.statusCode == 200 else {
            await server.stop()
            return response
        }
        sessions[id] = MCPSession(server: server, transport: transport, lastRequest: now())
        logger.debug("MCP session started", metadata: ["session": "\(id)", "sessions": "\(sessions.count)"])
        startSweeper()
        return response
    }

    private func end(_ id: String, reason: String) async {
        guard let session = sessions.removeValue(forKey: id) else { return }
        await session.stop()
        logger.debug("MCP session ended", metadata: ["session": "\(id)", "reason": "\(reason)"])
    }

    /// Looks for idle sessions every quarter of the timeout (1 s to 1 min) until none is left.
    private func startSweeper() {
        guard sweeper == nil else { return }
        let interval = min(max(idleTimeout / 4, .seconds(1)), .seconds(60))
        sweeper = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self, await self.sweep() else { break }
            }
        }
    }

    /// Ends idle sessions; whether to keep sweeping (the sweeper is gone once no session is left).
    private func sweep() async -> Bool {
        await endIdleSessions()
        if sessions.isEmpty { sweeper = nil }
        return !sessions.isEmpty
    }
}
