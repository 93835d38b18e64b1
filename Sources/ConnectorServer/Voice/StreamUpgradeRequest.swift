import HTTPTypes
import NIOHTTP1

/// What the streams' admission reads of a WebSocket upgrade request, whichever layer has it:
/// NIO's request head (before the upgrade), Swift HTTP Types' request (in the upgrade), or
/// Hummingbird's (a plain GET to the route).
struct StreamUpgradeRequest {
    /// The path and query, as requested.
    let pathAndQuery: String
    /// The `Host` the request named.
    let authority: String?
    /// Reads a header (case-insensitively).
    let header: (String) -> String?

    init(pathAndQuery: String, authority: String?, header: @escaping (String) -> String?) {
        self.pathAndQuery = pathAndQuery
        self.authority = authority
        self.header = header
    }

    /// NIO's request head.
    init(_ head: HTTPRequestHead) {
        self.init(pathAndQuery: head.uri, authority: head.headers.first(name: "host")) { head.headers.first(name: $0) }
    }

    /// Swift HTTP Types' request.
    init(_ request: HTTPRequest) {
        self.init(pathAndQuery: request.path ?? "/", authority: request.authority) { name in
            HTTPField.Name(name).flatMap { request.headerFields[$0] }
        }
    }

    /// The path without the query.
    var path: Substring {
        pathAndQuery.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    }

    /// Whether the request asks for a WebSocket upgrade.
    var isWebSocketUpgrade: Bool {
        header("upgrade")?.lowercased() == "websocket"
    }
}
