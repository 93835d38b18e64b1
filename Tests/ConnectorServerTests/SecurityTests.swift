import ConnectorServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TwilioConnector
import TwilioKit

/// Every route engines and agents use needs the API token; Twilio's routes (webhooks, media
/// streams: their signature authenticates them) and the health check do not. The routes are read from the router, so a route added later cannot be forgotten.
struct SecurityTests {
    static let token = "test-api-token-0123456789"

    @Test func everyRouteButTwiliosAndHealthNeedsTheToken() async throws {
        try await ServerFixture.with(apiTokens: [Self.token]) { _, router in
            let routes = router.routes.map { (method: $0.method, path: Self.concrete($0.path.description)) }
            #expect(routes.count > 10)
            try await Application(router: router).test(.router) { client in
                for route in routes {
                    let open = route.path.hasPrefix("/webhooks/twilio/") || route.path.hasPrefix("/streams/") || route.path == "/healthz"
                    try await client.execute(uri: route.path, method: route.method) { response in
                        if open {
                            #expect(response.status != .unauthorized, "\(route.method) \(route.path)")
                        } else {
                            #expect(response.status == .unauthorized, "\(route.method) \(route.path)")
                            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                        }
                    }
                    guard !open else { continue }
                    for wrong in ["Bearer not-the-token", "Basic \(Self.token)", Self.token] {
                        try await client.execute(uri: route.path, method: route.method, headers: [.authorization: wrong]) { response in
                            #expect(response.status == .unauthorized, "\(route.method) \(route.path) with \(wrong)")
                        }
                    }
                    try await client.execute(uri: route.path, method: route.method, headers: [.authorization: "Bearer \(Self.token)"]) { response in
                        #expect(response.status != .unauthorized, "\(route.method) \(route.path)")
                    }
                }
            }
        }
    }

    @Test func mcpClientsAreRefusedWithAJSONRPCErrorAndAnyValidTokenIsTaken() async throws {
        try await ServerFixture.with(apiTokens: [Self.token, "second-api-token-9876543210"]) { _, router in
            try await Application(router: router).test(.router) { client in
                let initialize = ByteBuffer(string: #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"tests","version":"1"}}}"#)
                let headers: HTTPFields = [.contentType: "application/json", .accept: "application/json, text/event-stream"]
                for wrong in [nil, "Bearer \(Self.token)X", "Basic \(Self.token)"] {
                    var sent = headers
                    sent[.authorization] = wrong
                    try await client.execute(uri: "/mcp", method: .post, headers: sent, body: initialize) { response in
                        #expect(response.status == .unauthorized)
                        let body = try ServerFixture.json(response)
                        #expect(body["jsonrpc"] == "2.0")
                        #expect(body["error"]?.objectFields?["message"]?.scalarText?.hasPrefix("Unauthorized") == true)
                    }
                }
                var sent = headers
                sent[.authorization] = "bearer second-api-token-9876543210"
                try await client.execute(uri: "/mcp", method: .post, headers: sent, body: initialize) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryActionAndResolvesEveryReference() async throws {
        try await ServerFixture.with { _, router in
            try await Application(router: router).test(.router) { client in
                try await client.execute(uri: "/openapi.json", method: .get) { response in
                    let document = try JSONParser.parse(response.body.readableBytesView)
                    #expect(document.objectFields?["openapi"] == "3.1.0")
                    let paths = document.objectFields?["paths"]?.objectFields ?? [:]
                    for action in Connector(configuration: nil).actions() {
                        #expect(paths["/actions/\(action.name)"] != nil, "\(action.name)")
                    }
                    let schemas = document.objectFields?["components"]?.objectFields?["schemas"]?.objectFields ?? [:]
                    for reference in Self.references(in: document) {
                        #expect(reference.hasPrefix("#/components/schemas/"), "\(reference)")
                        #expect(schemas[String(reference.dropFirst("#/components/schemas/".count))] != nil, "\(reference)")
                    }
                }
            }
        }
    }

    @Test func anUnknownActionSuggestsTheClosestName() async throws {
        try await ServerFixture.with { _, router in
            try await Application(router: router).test(.router) { client in
                try await client.execute(uri: "/actions/send_mesage", method: .post, body: ByteBuffer(string: "{}")) { response in
                    #expect(response.status == .notFound)
                    let error = try ServerFixture.json(response)["error"]?.scalarText ?? ""
                    #expect(error.contains("'send_mesage'"))
                    #expect(error.contains("Did you mean send_message?"))
                }
            }
        }
    }

    @Test func duplicateKeysAndTrailingCommasAreRefusedSayingWhere() async throws {
        try await ServerFixture.with { _, router in
            try await Application(router: router).test(.router) { client in
                for (body, expected) in [(#"{"To": "+14155550100", "To": "+14155550101"}"#, "appears twice"),
                                         ("{\n  \"Body\": \"x\",\n}", "line 3, column 1")] {
                    try await client.execute(uri: "/actions/sendSMS", method: .post, body: ByteBuffer(string: body)) { response in
                        #expect(response.status == .badRequest)
                        let error = try ServerFixture.json(response)["error"]?.scalarText ?? ""
                        #expect(error.contains(expected), "\(error)")
                    }
                }
            }
        }
    }

    /// A router path with its parameters filled in.
    static func concrete(_ path: String) -> String {
        let filled = path.split(separator: "/").map { segment -> String in
            if segment == "**" { return "sendSMS" }
            if segment.hasPrefix("{") || segment.hasPrefix(":") { return "x" }
            return String(segment)
        }
        return "/" + filled.joined(separator: "/")
    }

    static func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let fields): (fields["$ref"]?.scalarText.map { [$0] } ?? []) + fields.values.flatMap(references)
        case .array(let items): items.flatMap(references)
        default: []
        }
    }
}
