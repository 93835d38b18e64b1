import ConnectorStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle
import TwilioConnector
import TwilioKit

/// `GET /triggers`, and each trigger's events from the store: a page after a cursor
/// (`/triggers/<trigger>/events`) or a Server-Sent Events stream that resumes from `Last-Event-ID`
/// (`/triggers/<trigger>/events/stream`).
struct TriggersController {
    let reader: TriggerEventReader
    /// How long an idle stream waits before a keep-alive comment.
    let heartbeat: Duration

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let catalogue = Deferred { JSONResponse.make(["triggers": .array(TriggerCatalogue.all.map(TriggerJSON.trigger))]) }
        group.get { _, _ in catalogue.value }
        group.get("{trigger}/events") { request, context in try await page(request, context) }
        group.get("{trigger}/events/stream") { request, context in try stream(request, context) }
    }

    private func page(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let query = try EventsQuery(request, context, allowed: ["after", "limit", "dialect"])
        let page = try await reader.page(query.trigger, after: query.after, limit: query.limit, filter: query.filter)
        return JSONResponse.make([
            "events": .array(page.events.map { TriggerJSON.event($0, dialect: query.dialect) }),
            "next": .string(page.next.description),
        ])
    }

    private func stream(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        var given = try EventsQuery(request, context, allowed: ["after", "dialect"])
        if let lastEventID = request.headers[HTTPField.Name("Last-Event-ID")!] {
            guard let cursor = EventCursor(token: lastEventID) else {
                throw JSONHTTPError(.badRequest, "Last-Event-ID '\(lastEventID)' is not an event cursor of this server.")
            }
            given.after = cursor
        }
        let reader = reader
        let heartbeat = heartbeat
        let query = given
        let body = ResponseBody { writer in
            let open = ServerMetrics.openStreams("sse")
            open.increment()
            defer { open.decrement() }
            var cursor = query.after
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            while !Task.isCancelled, !Task.isShuttingDownGracefully {
                let after = cursor
                let page = try await cancelWhenGracefulShutdown {
                    try await reader.next(query.trigger, after: after, limit: 100, filter: query.filter, timeout: heartbeat)
                }
                cursor = page.next
                if page.events.isEmpty {
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
                for event in page.events {
                    let data = TriggerJSON.event(event, dialect: query.dialect).compactText
                    let name = query.trigger.name(in: query.dialect)
                    try await writer.write(ByteBuffer(string: "id: \(EventCursor(sequence: event.sequence))\nevent: \(name)\ndata: \(data)\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }
}

/// The parameters of an events request: the trigger, the cursor, the page size, the dialect and
/// the trigger's filters, each checked.
struct EventsQuery {
    let trigger: TriggerDefinition
    var after: EventCursor
    let limit: Int
    let dialect: ConnectorDialect
    let filter: [String: JSONValue]

    init(_ request: Request, _ context: BasicRequestContext, allowed: Set<String>) throws {
        let name = context.parameters.get("trigger") ?? ""
        guard let trigger = TriggerCatalogue.trigger(named: name) else {
            throw JSONHTTPError(.notFound, TriggerCatalogue.unknownTrigger(name, listedBy: "GET /triggers"))
        }
        self.trigger = trigger
        var given: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { given[String(key)] = String(value) }
        let afterToken = given.removeValue(forKey: "after")
        if afterToken != nil, !allowed.contains("after") { throw JSONHTTPError(.badRequest, "after is not a parameter here.") }
        guard let cursor = afterToken.map(EventCursor.init(token:)) ?? EventCursor(sequence: 0) else {
            throw JSONHTTPError(.badRequest, "after '\(afterToken ?? "")' is not an event cursor of this server (use a `next` it answered).")
        }
        after = cursor
        let limitText = given.removeValue(forKey: "limit")
        guard let limit = limitText.map({ Int($0) }) ?? 100, (1...1000).contains(limit) else {
            throw JSONHTTPError(.badRequest, "limit must be a whole number from 1 to 1000.")
        }
        self.limit = limit
        let dialectText = given.removeValue(forKey: "dialect") ?? ConnectorDialect.component.rawValue
        guard let dialect = ConnectorDialect(rawValue: dialectText), dialect != .block else {
            throw JSONHTTPError(.badRequest, "dialect must be component or toolkit.")
        }
        self.dialect = dialect
        let rename = TriggerNaming.rename(for: dialect)
        let byDialectName = Dictionary(trigger.parameters.map { (rename($0.name), $0.name) }, uniquingKeysWith: { first, _ in first })
        var filter: [String: JSONValue] = [:]
        for (key, value) in given { filter[byDialectName[key] ?? key] = .string(value) }
        switch trigger.validateFilter(filter, rename: rename) {
        case .success(let valid): self.filter = valid
        case .failure(let failure): throw JSONHTTPError(.badRequest, failure.message)
        }
    }
}
