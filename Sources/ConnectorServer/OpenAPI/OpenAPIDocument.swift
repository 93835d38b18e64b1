import TwilioConnector
import TwilioKit

/// The OpenAPI 3.1 document of `serve`'s HTTP API, generated from the catalogue: each action's
/// request body is its input JSON Schema and its answer the envelope with its output schema; the
/// triggers, subscriptions, registrations, health and metrics routes beside them. Shared `$defs` of the toolkit's
/// schemas move to `components/schemas`, so that every `$ref` resolves within the document.
enum OpenAPIDocument {
    /// The document for `connector`'s catalogue.
    static func make(connector: Connector) -> JSONValue {
        var schemas: [String: JSONValue] = [
            "Failure": failureSchema, "Error": errorSchema, "Event": eventSchema, "Subscription": subscriptionSchema,
            "Delivery": deliverySchema, "Registration": registrationSchema, "RegistrationFailure": registrationFailureSchema,
        ]
        var paths: [String: JSONValue] = fixedPaths
        for action in connector.actions() {
            let input = hoist(action.inputSchema, into: &schemas)
            let output = hoist(action.outputSchema, into: &schemas)
            paths["/actions/\(action.name)"] = ["post": [
                "operationId": .string("action_" + action.name.replacingOccurrences(of: "/", with: "_")),
                "summary": .string(action.title), "description": .string(action.summary), "tags": .array([.string("actions (\(action.dialect.rawValue))")]),
                "requestBody": ["required": true, "content": ["application/json": ["schema": withConnection(input)]]],
                "responses": [
                    "200": ["description": "The action ran: its output, or success false with the error.",
                            "content": ["application/json": ["schema": ["anyOf": [output, ["$ref": "#/components/schemas/Failure"]]]]]],
                    "400": errorResponse("The body is not JSON, not an object, or its connection is invalid."),
                    "401": errorResponse("An API token is required."), "413": errorResponse("The body is over the size limit."),
                ],
            ]]
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "twilio-connector", "version": "1",
                     "description": "Twilio's actions and triggers for workflow engines and AI agents."],
            "paths": .object(paths),
            "components": ["schemas": .object(schemas), "securitySchemes": ["apiToken": ["type": "http", "scheme": "bearer"]]],
            "security": [["apiToken": []]],
        ]
    }

    /// `schema` with its `$defs` moved into `schemas` and its references pointed there.
    static func hoist(_ schema: JSONValue, into schemas: inout [String: JSONValue]) -> JSONValue {
        guard case .object(var fields) = schema else { return schema }
        if case .object(let definitions)? = fields.removeValue(forKey: "$defs") {
            for (name, definition) in definitions { schemas[name] = rewritingReferences(definition) }
        }
        return rewritingReferences(.object(fields))
    }

    private static func rewritingReferences(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let fields):
            return .object(fields.mapValues(rewritingReferences).merging(
                fields["$ref"]?.scalarText.map { ["$ref": .string($0.replacingOccurrences(of: "#/$defs/", with: "#/components/schemas/"))] } ?? [:]
            ) { _, new in new })
        case .array(let items):
            return .array(items.map(rewritingReferences))
        default:
            return value
        }
    }

    /// An action's input schema, which also takes a per-call `connection`.
    private static func withConnection(_ input: JSONValue) -> JSONValue {
        guard case .object(var schema) = input, case .object(var properties)? = schema["properties"] else { return input }
        properties["connection"] = [
            "type": "object", "additionalProperties": false,
            "description": "Credentials for this call instead of the server's: accountSid with authToken, or apiKey with apiSecret.",
            "properties": .object(Dictionary(uniqueKeysWithValues: ["accountSid", "authToken", "username", "password", "apiKey", "apiSecret"]
                .map { ($0, ["type": "string"]) })),
        ]
        schema["properties"] = .object(properties)
        return .object(schema)
    }

    private static func errorResponse(_ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
    }

    private static func json(_ schema: JSONValue, _ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    private static let open: JSONValue = ["type": "object"]

    static let errorSchema: JSONValue = [
        "type": "object", "required": ["success", "error"],
        "properties": ["success": ["const": false], "error": ["type": "string"]],
    ]

    static let failureSchema: JSONValue = [
        "type": "object", "required": ["success", "error"],
        "properties": [
            "success": ["const": false], "error": ["type": "string"],
            "errorCode": ["type": ["integer", "null"]], "moreInfo": ["type": ["string", "null"]], "httpStatus": ["type": ["integer", "null"]],
            "mayHaveBeenSent": ["type": "boolean"],
            "invalidParameters": ["type": "array", "items": [
                "type": "object", "required": ["parameter", "rule"],
                "properties": ["parameter": ["type": "string"], "rule": ["type": "string"]],
            ]],
        ],
    ]

    static let eventSchema: JSONValue = [
        "type": "object", "required": ["id", "trigger", "receivedAt", "cursor", "data"],
        "properties": ["id": ["type": "string"], "trigger": ["type": "string"], "receivedAt": ["type": "string", "format": "date-time"],
                       "cursor": ["type": "string"], "data": ["type": "object"]],
    ]

    static let subscriptionSchema: JSONValue = [
        "type": "object", "required": ["id", "trigger", "url", "filter", "dialect", "retrySchedule", "createdAt"],
        "properties": ["id": ["type": "string"], "trigger": ["type": "string"], "url": ["type": "string"], "filter": ["type": "object"],
                       "dialect": ["enum": ["component", "toolkit"]], "retrySchedule": ["type": "array", "items": ["type": "integer"]],
                       "createdAt": ["type": "string"], "secret": ["type": "string", "description": "Only when created."]],
    ]

    static let deliverySchema: JSONValue = [
        "type": "object", "required": ["id", "subscription", "event", "status", "attempts"],
        "properties": ["id": ["type": "string"], "subscription": ["type": "string"], "event": ["type": "string"],
                       "status": ["enum": ["pending", "delivered", "failed"]], "attempts": ["type": "integer"],
                       "nextAttemptAt": ["type": ["string", "null"]], "lastAttempt": ["type": ["object", "null"]], "createdAt": ["type": "string"]],
    ]

    static let registrationSchema: JSONValue = [
        "type": "object", "required": ["id", "trigger", "via", "resourceSid", "field", "url", "previous", "applied", "createdAt"],
        "properties": ["id": ["type": "string"], "trigger": ["type": "string"], "via": ["enum": ["number", "messaging-service", "event-streams"]],
                       "phoneNumber": ["type": ["string", "null"]], "resourceSid": ["type": "string"], "field": ["type": "string"],
                       "url": ["type": "string"], "previous": ["type": "object"], "applied": ["type": "object"], "createdAt": ["type": "string"]],
    ]

    static let registrationFailureSchema: JSONValue = [
        "type": "object", "required": ["success", "error", "reason"],
        "properties": ["success": ["const": false], "error": ["type": "string"], "reason": ["type": "string"]],
    ]

    private static func registrationFailure(_ description: String) -> JSONValue {
        json(["$ref": "#/components/schemas/RegistrationFailure"], description)
    }

    private static let triggerParameter: JSONValue = [
        "name": "trigger", "in": "path", "required": true,
        "schema": ["type": "string", "enum": .array(TriggerCatalogue.all.flatMap { [JSONValue.string($0.name), .string($0.toolkitName)] })],
    ]

    private static func pathParameter(_ name: String) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]]
    }

    private static let fixedPaths: [String: JSONValue] = [
        "/healthz": ["get": ["operationId": "health", "security": [], "responses": ["200": json(["type": "object"], "Up.")]]],
        "/metrics": ["get": ["operationId": "metrics", "responses": [
            "200": ["description": "Prometheus text format.", "content": ["text/plain": ["schema": ["type": "string"]]]],
            "401": errorResponse("An API token is required."),
        ]]],
        "/openapi.json": ["get": ["operationId": "openapi", "responses": ["200": json(open, "This document.")]]],
        "/components": ["get": ["operationId": "components", "responses": ["200": json(open, "The component list.")]]],
        "/components/twilio": ["get": ["operationId": "component", "responses": ["200": json(open, "The definitions in every dialect.")]]],
        "/actions": ["get": ["operationId": "actions", "responses": ["200": json(open, "Every action.")]]],
        "/triggers": ["get": ["operationId": "triggers", "responses": ["200": json(open, "Every trigger.")]]],
        "/triggers/{trigger}/events": ["get": [
            "operationId": "triggerEvents",
            "parameters": [
                triggerParameter,
                ["name": "after", "in": "query", "schema": ["type": "string"], "description": "A cursor answered as next."],
                ["name": "limit", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 1000]],
                ["name": "dialect", "in": "query", "schema": ["enum": ["component", "toolkit"]]],
            ],
            "responses": [
                "200": json(["type": "object", "required": ["events", "next"], "properties": [
                    "events": ["type": "array", "items": ["$ref": "#/components/schemas/Event"]], "next": ["type": "string"],
                ]], "The events after the cursor, and the cursor to continue after."),
                "400": errorResponse("A parameter is invalid."), "404": errorResponse("No such trigger."),
            ],
        ]],
        "/triggers/{trigger}/events/stream": ["get": [
            "operationId": "triggerEventStream",
            "parameters": [triggerParameter, ["name": "Last-Event-ID", "in": "header", "schema": ["type": "string"]]],
            "responses": ["200": ["description": "Server-Sent Events, one per event.", "content": ["text/event-stream": ["schema": ["type": "string"]]]],
                          "400": errorResponse("A parameter is invalid."), "404": errorResponse("No such trigger.")],
        ]],
        "/webhooks/twilio/{trigger}": ["post": [
            "operationId": "twilioWebhook", "security": [],
            "description": "Twilio's requests, authenticated by X-Twilio-Signature over the public URL.",
            "parameters": [["name": "trigger", "in": "path", "required": true, "schema": ["type": "string"]],
                           ["name": "X-Twilio-Signature", "in": "header", "schema": ["type": "string"]]],
            "requestBody": ["content": ["application/x-www-form-urlencoded": ["schema": ["type": "object", "additionalProperties": ["type": "string"]]]]],
            "responses": [
                "200": ["description": "Stored; TwiML or nothing.", "content": ["application/xml": ["schema": ["type": "string"]]]],
                "400": errorResponse("Not a request of this trigger."), "403": errorResponse("Not signed by Twilio."),
                "404": errorResponse("No such trigger."), "413": errorResponse("The body is over the size limit."),
            ],
        ]],
        "/webhooks/twilio/events": ["post": [
            "operationId": "eventStreamsDelivery", "security": [],
            "description": "Event Streams deliveries (a CloudEvent or an array of them), authenticated by X-Twilio-Signature over the URL with bodySHA256.",
            "parameters": [["name": "X-Twilio-Signature", "in": "header", "schema": ["type": "string"]]],
            "requestBody": ["content": ["application/json": ["schema": ["anyOf": [["type": "object"], ["type": "array", "items": ["type": "object"]]]]]]],
            "responses": [
                "200": json(["type": "object", "properties": ["stored": ["type": "integer"], "duplicates": ["type": "integer"],
                                                              "ignored": ["type": "integer"], "sinkTests": ["type": "integer"]]],
                            "Stored (each event once)."),
                "400": errorResponse("Not CloudEvents."), "403": errorResponse("Not signed by Twilio."),
                "413": errorResponse("The body is over the size limit."),
            ],
        ]],
        "/registrations": [
            "get": ["operationId": "listRegistrations", "responses": [
                "200": json(["type": "object", "properties": [
                    "registrations": ["type": "array", "items": ["$ref": "#/components/schemas/Registration"]]]], "Every registration."),
                "503": errorResponse("No default Twilio connection."),
            ]],
            "post": [
                "operationId": "createRegistration",
                "description": "Connects a trigger to a number (the field it needs), its Messaging Service, or Event Streams.",
                "requestBody": ["required": true, "content": ["application/json": ["schema": [
                    "type": "object", "required": ["trigger"], "additionalProperties": false,
                    "properties": ["trigger": ["type": "string"], "phoneNumber": ["type": "string"],
                                   "via": ["enum": ["number", "messaging-service", "event-streams"]], "viaService": ["type": "boolean"],
                                   "replace": ["type": "boolean"], "settings": ["type": "object", "additionalProperties": ["type": "string"]]],
                ]]]],
                "responses": [
                    "201": json(["$ref": "#/components/schemas/Registration"], "Registered: the previous settings are stored."),
                    "400": registrationFailure("The request is invalid, or the trigger cannot be registered that way."),
                    "404": registrationFailure("No such number."),
                    "409": registrationFailure("The setting points elsewhere, is registered already, or is not the one Twilio calls."),
                    "502": registrationFailure("Twilio refused or failed; the body says what may have happened."),
                    "503": errorResponse("No default Twilio connection."),
                ],
            ],
        ],
        "/registrations/{id}": [
            "get": ["operationId": "getRegistration", "parameters": [pathParameter("id")], "responses": [
                "200": json(["$ref": "#/components/schemas/Registration"], "The registration."),
                "404": registrationFailure("No such registration."), "503": errorResponse("No default Twilio connection."),
            ]],
            "delete": [
                "operationId": "deleteRegistration",
                "parameters": [pathParameter("id"), ["name": "force", "in": "query", "schema": ["type": "boolean"]]],
                "responses": [
                    "200": json(["type": "object", "properties": ["removed": ["$ref": "#/components/schemas/Registration"],
                                                                  "restored": ["type": "object"]]], "Removed: the previous settings are back."),
                    "404": registrationFailure("No such registration."),
                    "409": registrationFailure("The setting was changed since it was registered (force restores it anyway)."),
                    "502": registrationFailure("Twilio refused or failed."), "503": errorResponse("No default Twilio connection."),
                ],
            ],
        ],
        "/subscriptions": [
            "get": ["operationId": "listSubscriptions", "responses": ["200": json(["type": "object", "properties": [
                "subscriptions": ["type": "array", "items": ["$ref": "#/components/schemas/Subscription"]]]], "Every subscription.")]],
            "post": [
                "operationId": "createSubscription",
                "requestBody": ["required": true, "content": ["application/json": ["schema": [
                    "type": "object", "required": ["trigger", "url"], "additionalProperties": false,
                    "properties": ["trigger": ["type": "string"], "url": ["type": "string", "format": "uri"], "filter": ["type": "object"],
                                   "dialect": ["enum": ["component", "toolkit"]],
                                   "retrySchedule": ["type": "array", "items": ["type": "integer", "minimum": 1], "minItems": 1, "maxItems": 30]],
                ]]]],
                "responses": ["201": json(["$ref": "#/components/schemas/Subscription"], "Created, with its signing secret."),
                              "400": errorResponse("A field is invalid.")],
            ],
        ],
        "/subscriptions/{id}": ["delete": [
            "operationId": "deleteSubscription", "parameters": [pathParameter("id")],
            "responses": ["204": ["description": "Deleted."], "404": errorResponse("No such subscription.")],
        ]],
        "/subscriptions/{id}/deliveries": ["get": [
            "operationId": "subscriptionDeliveries",
            "parameters": [pathParameter("id"), ["name": "limit", "in": "query", "schema": ["type": "integer"]]],
            "responses": ["200": json(["type": "object", "properties": [
                "deliveries": ["type": "array", "items": ["$ref": "#/components/schemas/Delivery"]]]], "Its deliveries, newest first."),
                          "404": errorResponse("No such subscription.")],
        ]],
        "/events/{id}/redeliver": ["post": [
            "operationId": "redeliverEvent", "parameters": [pathParameter("id")],
            "responses": ["202": json(["type": "object", "properties": [
                "deliveries": ["type": "array", "items": ["$ref": "#/components/schemas/Delivery"]]]], "Pending again."),
                          "404": errorResponse("No such event.")],
        ]],
    ]
}
