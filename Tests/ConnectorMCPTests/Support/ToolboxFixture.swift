import ConnectorMCP
import ConnectorStore
import Foundation
import MCP
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// A toolbox over a fresh store file, with no Twilio connection or against an in-process sandbox.
struct ToolboxFixture {
    let store: SQLiteStore
    let toolbox: ConnectorToolbox
    let sandbox: SandboxServer?

    /// A fresh store file.
    static func temporaryStore() throws -> SQLiteStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try SQLiteStore(path: folder.appendingPathComponent("connector.sqlite").path)
    }

    /// A toolbox whose Twilio answers nothing (enough to list tools, validate input and read events).
    static func offline(_ selection: ToolSelection = .all, eventPollInterval: Duration = .milliseconds(50)) throws -> ToolboxFixture {
        let store = try temporaryStore()
        let nowhere = TwilioConfiguration(credentials: .authToken(accountSID: "AC" + String(repeating: "0", count: 32), authToken: "unused"),
                                          endpoint: .baseURL("http://127.0.0.1:9"))
        return ToolboxFixture(store: store, toolbox: ConnectorToolbox(connector: Connector(configuration: nowhere), store: store, selection: selection,
                                                                      eventPollInterval: eventPollInterval), sandbox: nil)
    }

    /// Runs `body` with a toolbox whose connector talks to a fresh sandbox.
    static func withSandbox<T>(_ body: (ToolboxFixture) async throws -> T) async throws -> T {
        let sandbox = try await SandboxServer.start(.init(port: 0, statusStep: .milliseconds(20)))
        do {
            let store = try temporaryStore()
            let toolbox = ConnectorToolbox(connector: Connector(configuration: sandbox.clientConfiguration), store: store)
            let result = try await body(ToolboxFixture(store: store, toolbox: toolbox, sandbox: sandbox))
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// The tool called `name`.
    func tool(_ name: String) -> Tool? { toolbox.tools.first { $0.name == name } }

    /// Calls a tool with JSON arguments.
    func call(_ name: String, _ arguments: [String: Value] = [:]) async throws -> CallTool.Result {
        try await toolbox.call(name, arguments: arguments)
    }

    /// Commits a newSms event from `from` with `body`.
    func receiveSMS(from: String, body: String, index: Int) async throws {
        let data: JSONValue = ["messageSid": .string(String(format: "SM%032x", index)), "from": .string(from), "to": "+15005550006",
                               "body": .string(body), "numMedia": 0, "media": []]
        _ = try await store.append(NewTriggerEvent(trigger: "newSms", receivedAt: Date(), data: data, dedupeKey: "newSms:\(index)"))
    }
}

extension CallTool.Result {
    /// The texts of the content.
    var texts: [String] {
        content.compactMap { if case .text(let text, _, _) = $0 { text } else { nil } }
    }

    /// The structured content as an object.
    var structured: [String: Value] { structuredContent?.objectValue ?? [:] }
}
