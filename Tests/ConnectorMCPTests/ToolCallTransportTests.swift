import ConnectorMCP
import Foundation
import Logging
import MCP
import Testing
import TwilioConnector
import TwilioKit

/// Tool calls answered in front of the SDK's server: answers and errors as the SDK would write
/// them, calls concurrent, a cancelled call never answered, everything else still the SDK's.
@Suite("MCP tool calls in front of the SDK's server")
struct ToolCallTransportTests {
    /// A server of the offline toolbox on one end of an in-memory pair; the other end, connected,
    /// and the messages it receives.
    static func connected() async throws -> (client: InMemoryTransport, server: Server, answers: AsyncThrowingStream<Data, any Error>.Iterator) {
        let (client, serverSide) = await InMemoryTransport.createConnectedPair()
        let server = try await ConnectorMCPServer.start(try ToolboxFixture.offline().toolbox, on: serverSide, logger: Logger(label: "tests"))
        try await client.connect()
        return (client, server, await client.receive().makeAsyncIterator())
    }

    /// The next message the client receives, as a JSON object.
    static func next(_ answers: inout AsyncThrowingStream<Data, any Error>.Iterator) async throws -> [String: JSONValue]? {
        try await answers.next().map { try JSONParser.parse($0).objectFields ?? [:] }
    }

    static func send(_ text: String, on client: InMemoryTransport) async throws {
        try await client.send(Data(text.utf8))
    }

    static func call(_ id: String, _ tool: String, _ arguments: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(tool)","arguments":\#(arguments)}}"#
    }

    @Test func callsAreAnsweredConcurrentlyAsTheSDKWouldAndACancelledOneNever() async throws {
        var (client, server, answers) = try await Self.connected()
        try await Self.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"tests","version":"1"}}}"#, on: client)
        let initialized = try #require(try await Self.next(&answers))
        #expect(initialized["id"] == 1)
        #expect(initialized["result"]?.objectFields?["serverInfo"]?.objectFields?["name"] == "twilio-connector")

        // A call that waits, then one that answers at once: the second is not held up by the first.
        try await Self.send(Self.call("2", "wait_for_event", #"{"trigger":"new_sms","timeout_seconds":300}"#), on: client)
        try await Self.send(Self.call(#""text-id""#, "send_message", #"{"to":"555-1234","from_number":"+15005550006","body":"Hi"}"#), on: client)
        let refused = try #require(try await Self.next(&answers))
        #expect(refused["id"] == "text-id", "a string id comes back as it was sent")
        #expect(refused["jsonrpc"] == "2.0")
        let result = try #require(refused["result"]?.objectFields)
        #expect(result["isError"] == true)
        guard case .array(let content)? = result["content"], case .string(let message)? = content.first?.objectFields?["text"] else {
            Issue.record("no text content in \(result)")
            return
        }
        #expect(message.contains("to must be an E.164 phone number"))
        #expect(content.first?.objectFields?["type"] == "text")

        try await Self.send(Self.call("4", "send_fax", "{}"), on: client)
        let unknown = try #require(try await Self.next(&answers))
        #expect(unknown["id"] == 4)
        #expect(unknown["error"]?.objectFields?["code"] == -32602, "invalid params, as the SDK answers an unknown tool")
        #expect(unknown["error"]?.objectFields?["message"]?.scalarText?.contains("Unknown tool 'send_fax'") == true)

        // Cancelling the waiting call: it never answers; other requests still reach the SDK's server.
        try await Self.send(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":2}}"#, on: client)
        try await Self.send(#"{"jsonrpc":"2.0","id":5,"method":"tools/list"}"#, on: client)
        let listed = try #require(try await Self.next(&answers))
        #expect(listed["id"] == 5, "the cancelled call (id 2) was not answered")
        guard case .array(let tools)? = listed["result"]?.objectFields?["tools"] else {
            Issue.record("tools/list answered \(listed)")
            return
        }
        #expect(tools.count == 20)
        await server.stop()
    }

    @Test func aCallWrittenBeforeInitializeIsAnsweredIsAnsweredAfterIt() async throws {
        var (client, server, answers) = try await Self.connected()
        try await Self.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"tests","version":"1"}}}"#, on: client)
        try await Self.send(Self.call("2", "send_message", #"{"to":"555-1234","from_number":"+15005550006","body":"Hi"}"#), on: client)
        #expect(try await Self.next(&answers)?["id"] == 1)
        #expect(try await Self.next(&answers)?["id"] == 2)
        await server.stop()
    }
}
