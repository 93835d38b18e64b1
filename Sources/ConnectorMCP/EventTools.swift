import ConnectorStore
import TwilioConnector
import TwilioKit

/// The trigger tools, read from the store: `list_events` (a trigger's recent events, or those
/// after a cursor) and `wait_for_event` (the next matching event, or a timeout). Arguments are
/// checked by the connector's core; names and event fields are the toolkit's snake_case.
struct EventTools: Sendable {
    let store: any ConnectorStore
    /// How often a wait reads the store again without a signal: another process (a `serve`
    /// receiving Twilio's webhooks) may append to the same store.
    let pollInterval: Duration

    /// Both tools.
    var definitions: [ToolDefinition] { [listEvents, waitForEvent] }

    private var reader: TriggerEventReader { TriggerEventReader(store: store) }

    // MARK: Parameters

    private static let rename = TriggerNaming.rename(for: .toolkit)

    private static let trigger = ParameterSpec(
        "trigger", .choice(TriggerCatalogue.all.map(\.toolkitName)), required: true,
        "The trigger: " + TriggerCatalogue.all.map { "\($0.toolkitName) (\($0.summary.lowercasedFirst))" }.joined(separator: "; "))

    private static let filter = ParameterSpec(
        "filter", .object,
        "Only events matching every field given. The fields depend on the trigger: "
            + TriggerCatalogue.all.map { "\($0.toolkitName): " + $0.filterParameters.map { rename($0.name) }.joined(separator: ", ") }
            .joined(separator: "; ") + ". Phone numbers in E.164 (+14155550100).")

    private static let after = ParameterSpec(
        "after", .string(.nonEmpty), "A cursor (an event's cursor, or a next_cursor answered before): only events after it.")

    private static let limit = ParameterSpec("limit", .integer(1...100), default: 20, "The most events answered.")

    private static let timeout = ParameterSpec(
        "timeout_seconds", .integer(1...300), default: 60, "How long to wait, in seconds, before answering timed_out.")

    private static let listSignature = ActionSignature(
        name: "list_events", title: "List Events", summary: "A trigger's latest events, or those after a cursor.",
        parameters: [trigger, filter, after, limit])

    private static let waitSignature = ActionSignature(
        name: "wait_for_event", title: "Wait For Event", summary: "Waits for the next event of a trigger matching a filter.",
        parameters: [trigger, filter, after, timeout])

    /// A signature's input schema, its `filter` described per trigger: one variant of filter
    /// fields for each trigger.
    private static func inputSchema(_ signature: ActionSignature) -> JSONValue {
        guard case .object(var schema) = signature.inputSchema(), case .object(var properties)? = schema["properties"] else {
            return signature.inputSchema()
        }
        let variants: [JSONValue] = TriggerCatalogue.all.map { trigger in
            let filters = ActionSignature(name: trigger.toolkitName, title: trigger.title, summary: trigger.summary,
                                          parameters: trigger.filterParameters).inputSchema(rename: rename)
            guard case .object(var variant) = filters else { return filters }
            variant["title"] = .string(trigger.toolkitName)
            return .object(variant)
        }
        properties["filter"] = ["type": "object", "description": .string(filter.description), "anyOf": .array(variants)]
        schema["properties"] = .object(properties)
        return .object(schema)
    }

    // MARK: Output schemas

    private static let eventSchema: JSONValue = [
        "type": "object", "additionalProperties": false, "required": ["id", "trigger", "received_at", "cursor", "data"],
        "properties": [
            "id": ["type": "string", "description": "The event's id (evt_…), the same however often it is read."],
            "trigger": ["type": "string", "description": "The trigger that fired."],
            "received_at": ["type": "string", "format": "date-time", "description": "When the connector received it."],
            "cursor": ["type": "string", "description": "Its position: pass it as after to read what came next."],
            "data": ["type": "object", "description": "The trigger's fields in snake_case (new_sms: message_sid, from, to, body, num_media, media, …)."],
        ],
    ]

    private static func outputSchema(title: String, required: [String], properties: [String: JSONValue]) -> JSONValue {
        let envelope: [String: JSONValue] = ["success": ["type": "boolean"], "error": ["type": ["string", "null"]]]
        return [
            "title": .string(title), "type": "object", "additionalProperties": false,
            "required": .array((["success"] + required).map(JSONValue.string)),
            "properties": .object(envelope.merging(properties) { $1 }),
            "$defs": ["TriggerEvent": eventSchema],
        ]
    }

    private static let nextCursor: JSONValue = ["type": "string", "description": "Where this answer ends: pass it as after to continue."]

    // MARK: Tools

    private var listEvents: ToolDefinition {
        ToolDefinition(
            name: Self.listSignature.name, title: Self.listSignature.title, guide: Self.guide(Self.listSignature),
            inputSchema: Self.inputSchema(Self.listSignature),
            outputSchema: Self.outputSchema(title: "ListEventsOutput", required: ["events", "next_cursor"], properties: [
                "events": ["type": "array", "items": ["$ref": "#/$defs/TriggerEvent"]], "next_cursor": Self.nextCursor,
            ]),
            run: { arguments in try await run(arguments, Self.listSignature, list) })
    }

    private var waitForEvent: ToolDefinition {
        ToolDefinition(
            name: Self.waitSignature.name, title: Self.waitSignature.title, guide: Self.guide(Self.waitSignature),
            inputSchema: Self.inputSchema(Self.waitSignature),
            outputSchema: Self.outputSchema(title: "WaitForEventOutput", required: ["timed_out", "event", "next_cursor"], properties: [
                "timed_out": ["type": "boolean", "description": "True when no matching event arrived in time (then event is null)."],
                "event": ["anyOf": [["$ref": "#/$defs/TriggerEvent"], ["type": "null"]]],
                "next_cursor": Self.nextCursor,
            ]),
            run: { arguments in try await run(arguments, Self.waitSignature, wait) })
    }

    private static func guide(_ signature: ActionSignature) -> ToolGuide {
        ToolGuide.byName[signature.name] ?? .fallback(summary: signature.summary)
    }

    /// Validates `arguments` against `signature` and reads the trigger, filter and cursor, then
    /// runs `body`; any failure is the envelope of `{success: false}`.
    private func run(_ arguments: [String: JSONValue], _ signature: ActionSignature,
                     _ body: (EventToolArguments, ActionInput) async throws -> JSONValue) async throws -> JSONValue {
        switch signature.validate(arguments).flatMap(EventToolArguments.make) {
        case .failure(let failure):
            return failure.envelope
        case .success(let (query, input)):
            do {
                return try await body(query, input)
            } catch let error as StoreError {
                try Task.checkCancellation()  // a read interrupted by the cancellation
                return ActionFailure.other(error.description).envelope
            }
        }
    }

    /// list_events: without a cursor the latest `limit` matching events, otherwise the first
    /// `limit` after it.
    private func list(_ query: EventToolArguments, _ input: ActionInput) async throws -> JSONValue {
        let limit = input.int("limit") ?? 20
        if let after = query.after {
            let page = try await reader.page(query.trigger, after: after, limit: limit, filter: query.filter)
            return Self.success(["events": .array(page.events.map(Self.render)), "next_cursor": .string(page.next.description)])
        }
        var latest: [TriggerEvent] = []
        var cursor = EventCursor(sequence: 0)
        while true {
            let batch = 1000
            let page = try await reader.page(query.trigger, after: cursor, limit: batch, filter: query.filter)
            latest = Array((latest + page.events).suffix(limit))
            cursor = page.next
            if page.events.count < batch { break }
        }
        return Self.success(["events": .array(latest.map(Self.render)), "next_cursor": .string(cursor.description)])
    }

    /// wait_for_event: the first matching event after the cursor (or after now), read again at
    /// each store signal and every `pollInterval`, until the timeout. Cancelling the call ends
    /// the wait with `CancellationError`.
    private func wait(_ query: EventToolArguments, _ input: ActionInput) async throws -> JSONValue {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(input.int("timeout_seconds") ?? 60)
        var cursor = if let after = query.after { after } else { EventCursor(sequence: try await store.latestSequence()) }
        while true {
            let slice = min(max(deadline - clock.now, .zero), pollInterval)
            let page = try await reader.next(query.trigger, after: cursor, limit: 1, filter: query.filter, timeout: slice)
            try Task.checkCancellation()
            if let event = page.events.first {
                return Self.success(["timed_out": false, "event": Self.render(event), "next_cursor": .string(EventCursor(sequence: event.sequence).description)])
            }
            cursor = page.next
            if clock.now >= deadline {
                return Self.success(["timed_out": true, "event": .null, "next_cursor": .string(cursor.description)])
            }
        }
    }

    private static func success(_ fields: [String: JSONValue]) -> JSONValue {
        .object(fields.merging(["success": true, "error": .null]) { $1 })
    }

    /// An event in the toolkit's naming.
    static func render(_ event: TriggerEvent) -> JSONValue {
        [
            "id": .string(event.id), "trigger": .string(TriggerCatalogue.trigger(named: event.trigger)?.toolkitName ?? event.trigger),
            "received_at": .string(TwilioDateFormat.iso8601String(from: event.receivedAt)),
            "cursor": .string(EventCursor(sequence: event.sequence).description),
            "data": TriggerNaming.data(event.data, in: .toolkit),
        ]
    }
}

extension String {
    /// The text with its first letter in lower case (a summary inside a sentence).
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
