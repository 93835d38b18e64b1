import Logging
import MCP

/// The connector as an MCP server: a `Server` answering `tools/list` and `tools/call` from a
/// toolbox, made once per connection (stdio) or per HTTP session.
public enum ConnectorMCPServer {
    /// The server's name in `initialize`.
    public static let name = "twilio-connector"
    /// The server's version in `initialize`.
    public static let version = "1.0.0"

    /// What the client may add to the model's prompt.
    static let instructions = """
        Twilio for agents: send texts and calls, look up numbers, verify people, read messages, calls and transcripts, \
        and receive what Twilio tells the connector (texts received, delivery and call statuses). To hold a conversation \
        by text: send_message, then wait_for_event with trigger new_sms and filter {"from": <the number you texted>}; \
        phone_number_lookup tells who a number is. Phone numbers are E.164 (+14155550100). Tools that reach people \
        (send_message, make_phone_call, send_bulk_sms, send_sms_verification) cost money: confirm before using them.
        """

    /// A server exposing `toolbox`, not started: start it on a transport.
    public static func make(_ toolbox: ConnectorToolbox, logger: Logger? = nil) async -> Server {
        let server = Server(name: name, version: version, title: "Twilio Connector", instructions: instructions,
                            capabilities: .init(tools: .init(listChanged: false)))
        let tools = toolbox.tools
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: tools) }
        await server.withMethodHandler(CallTool.self) { call in
            logger?.debug("Tool called", metadata: ["tool": "\(call.name)"])
            return try await toolbox.call(call.name, arguments: call.arguments)
        }
        return server
    }

    /// A server of `toolbox`'s tools, started on `transport`; its tool calls are answered by a
    /// ``ToolCallTransport`` in front of `transport`, everything else by the SDK's server.
    public static func start(_ toolbox: ConnectorToolbox, on transport: any Transport, logger: Logger) async throws -> Server {
        let server = await make(toolbox, logger: logger)
        try await server.start(transport: ToolCallTransport(transport, toolbox: toolbox, logger: logger))
        return server
    }

    /// Serves `toolbox` over standard input and output until standard input closes. Nothing but
    /// protocol messages is written to standard output.
    public static func serveStandardIO(_ toolbox: ConnectorToolbox, logger: Logger) async throws {
        let server = try await start(toolbox, on: StdioTransport(logger: logger), logger: logger)
        logger.info("MCP server ready on standard input and output", metadata: ["tools": "\(toolbox.tools.count)"])
        await server.waitUntilCompleted()
        await server.stop()
    }
}
