import ConnectorMCP
import Foundation
import MCP
import Testing

@Suite("MCP tool catalogue")
struct ToolCatalogueTests {
    static let seedTools: Set<String> = [
        "send_message", "make_phone_call", "get_message", "delete_message", "list_messages", "list_message_media", "get_call",
        "delete_call", "list_calls", "download_recording_media", "phone_number_lookup", "send_sms_verification",
        "check_verification_token", "create_verification_service", "list_transcripts", "get_transcripts", "list_phone_numbers",
    ]
    static let otherTools: Set<String> = ["send_bulk_sms", "list_events", "wait_for_event"]

    @Test func everyToolkitActionIsAToolBesideBulkSendAndTheTriggerTools() throws {
        let fixture = try ToolboxFixture.offline()
        #expect(Set(fixture.toolbox.tools.map(\.name)) == Self.seedTools.union(Self.otherTools))
        #expect(fixture.toolbox.tools.count == 20)
        #expect(fixture.toolbox.availableToolNames.count == 20)
    }

    @Test func namesAreStableShortAndPlain() throws {
        for tool in try ToolboxFixture.offline().toolbox.tools {
            #expect(tool.name.count <= 64)
            #expect(tool.name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, "\(tool.name)")
        }
    }

    @Test func descriptionsAreWrittenForAModelAndSayWhatReachesPeopleCosts() throws {
        let fixture = try ToolboxFixture.offline()
        for tool in fixture.toolbox.tools {
            let description = try #require(tool.description)
            #expect(description.count > 80, "\(tool.name): \(description)")
            #expect(tool.title?.isEmpty == false)
        }
        for name in ["send_message", "make_phone_call", "send_bulk_sms", "send_sms_verification"] {
            #expect(fixture.tool(name)?.description?.contains("real") == true, "\(name)")
            #expect(fixture.tool(name)?.description?.contains("money") == true, "\(name)")
        }
        #expect(fixture.tool("wait_for_event")?.description?.contains("new_sms") == true)
    }

    @Test func annotationsSayWhatEachToolDoes() throws {
        let fixture = try ToolboxFixture.offline()
        for tool in fixture.toolbox.tools {
            let hints = tool.annotations
            let readOnly = ["get_", "list_", "download_"].contains { tool.name.hasPrefix($0) }
                || ["phone_number_lookup", "wait_for_event"].contains(tool.name)
            #expect(hints.readOnlyHint == readOnly, "\(tool.name)")
            #expect(hints.destructiveHint == tool.name.hasPrefix("delete_"), "\(tool.name)")
            #expect(hints.openWorldHint == (tool.name.hasPrefix("send_") || tool.name == "make_phone_call"), "\(tool.name)")
            #expect(hints.idempotentHint == ((readOnly && tool.name != "wait_for_event") || tool.name.hasPrefix("delete_")), "\(tool.name)")
            #expect(hints.title == tool.title)
        }
    }

    @Test func readOnlyHidesEverySideEffect() throws {
        let names = Set(try ToolboxFixture.offline(ToolSelection(readOnly: true)).toolbox.tools.map(\.name))
        #expect(names == ["get_message", "list_messages", "list_message_media", "get_call", "list_calls", "download_recording_media",
                          "phone_number_lookup", "list_transcripts", "get_transcripts", "list_phone_numbers", "list_events", "wait_for_event"])
    }

    @Test func toolsNamedAreTheOnlyOnesAndUnknownNamesAreReported() throws {
        let selection = ToolSelection(list: " send_message, wait_for_event,,phone_number_lookup ", readOnly: false)
        let fixture = try ToolboxFixture.offline(selection)
        #expect(fixture.toolbox.tools.map(\.name) == ["send_message", "phone_number_lookup", "wait_for_event"])
        #expect(fixture.toolbox.unknownToolNames(["send_message", "send_sms", "wait"]) == ["send_sms", "wait"])
        let both = try ToolboxFixture.offline(ToolSelection(list: "send_message,get_message", readOnly: true))
        #expect(both.toolbox.tools.map(\.name) == ["get_message"])
    }

    @Test func everyToolHasObjectSchemasWhoseReferencesResolve() throws {
        for tool in try ToolboxFixture.offline().toolbox.tools {
            for schema in [tool.inputSchema, try #require(tool.outputSchema, "\(tool.name)")] {
                let fields = try #require(schema.objectValue)
                #expect(fields["type"] == "object", "\(tool.name)")
                #expect(fields["properties"]?.objectValue != nil, "\(tool.name)")
                let definitions = Set(fields["$defs"]?.objectValue?.keys.map { "#/$defs/" + $0 } ?? [])
                for reference in Self.references(in: schema) {
                    #expect(definitions.contains(reference), "\(tool.name): \(reference)")
                }
            }
        }
    }

    @Test func inputSchemasKeepEnumsPatternsFormatsAndNestedObjects() throws {
        let fixture = try ToolboxFixture.offline()
        func property(_ tool: String, _ name: String) -> [String: Value]? {
            fixture.tool(tool)?.inputSchema.objectValue?["properties"]?.objectValue?[name]?.objectValue
        }
        #expect(property("get_call", "call_sid")?["pattern"] == "^CA[0-9a-fA-F]{32}$")
        #expect(property("list_calls", "status")?["enum"]?.arrayValue?.contains("completed") == true)
        #expect(property("send_message", "status_callback")?["format"] == "uri")
        #expect(property("send_message", "body")?["maxLength"] == 1600)
        #expect(property("wait_for_event", "trigger")?["enum"]?.arrayValue?.count == 7)
        #expect(property("wait_for_event", "timeout_seconds")?["maximum"] == 300)
        let filters = try #require(property("wait_for_event", "filter")?["anyOf"]?.arrayValue)
        let newSms = try #require(filters.first { $0.objectValue?["title"] == "new_sms" }?.objectValue)
        #expect(Set(newSms["properties"]?.objectValue?.keys.map { $0 } ?? []) == ["to", "from", "body_contains"])
        #expect(fixture.tool("send_message")?.inputSchema.objectValue?["required"] == ["to"])
    }

    /// Every `$ref` in `schema`.
    static func references(in schema: Value) -> [String] {
        switch schema {
        case .object(let fields):
            return (fields["$ref"]?.stringValue.map { [$0] } ?? []) + fields.values.flatMap(references)
        case .array(let items):
            return items.flatMap(references)
        default:
            return []
        }
    }
}
