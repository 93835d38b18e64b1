import Hummingbird
import TwilioKit

/// Events v1 (`https://events.twilio.com/v1/…`): sinks, their test and validation, subscriptions
/// and their event types, and the catalogue of event types and schemas.
struct EventsController {
    let events: EventsFacade
    private static let api = TwilioAPI.versioned(domain: "events")

    /// Sinks by `{Sid}`, within the caller's account.
    private var sinks: ResourceRoutes<EventSinkRecord> {
        ResourceRoutes(api: Self.api, sidParameter: "Sid", notFound: .resource { "/Sinks/\($0)" }, lookup: events.sink(_:accountSID:))
    }

    /// Subscriptions by `{Sid}`, within the caller's account.
    private var subscriptions: ResourceRoutes<EventSubscriptionRecord> {
        ResourceRoutes(api: Self.api, sidParameter: "Sid", notFound: .resource { "/Subscriptions/\($0)" },
                       lookup: events.subscription(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Sinks", use: createSink)
        group.get("Sinks", use: listSinks)
        group.get("Sinks/{Sid}", use: sinks.fetch { $0.json })
        group.post("Sinks/{Sid}", use: updateSink)
        group.delete("Sinks/{Sid}", use: sinks.delete { [events] in try await events.deleteSink($0) })
        group.post("Sinks/{Sid}/Test", use: testSink)
        group.post("Sinks/{Sid}/Validate", use: validateSink)
        group.post("Subscriptions", use: createSubscription)
        group.get("Subscriptions", use: listSubscriptions)
        group.get("Subscriptions/{Sid}", use: subscriptions.fetch { $0.json })
        group.post("Subscriptions/{Sid}", use: updateSubscription)
        group.delete("Subscriptions/{Sid}", use: subscriptions.delete { [events] in await events.deleteSubscription($0) })
        group.get("Subscriptions/{Sid}/SubscribedEvents", use: listSubscribedEvents)
        group.post("Subscriptions/{Sid}/SubscribedEvents", use: addSubscribedEvent)
        group.get("Subscriptions/{Sid}/SubscribedEvents/{Type}", use: subscribedEvent)
        group.post("Subscriptions/{Sid}/SubscribedEvents/{Type}", use: updateSubscribedEvent)
        group.delete("Subscriptions/{Sid}/SubscribedEvents/{Type}", use: removeSubscribedEvent)
        group.get("Types", use: listTypes)
        group.get("Types/{Type}", use: type)
        group.get("Schemas/{Id}", use: schema)
        group.get("Schemas/{Id}/Versions", use: schemaVersions)
        group.get("Schemas/{Id}/Versions/{SchemaVersion}", use: schemaVersion)
    }

    // MARK: Sinks

    @Sendable func createSink(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sink = try await events.createSink(try await request.form(), accountSID: try context.account)
        return SandboxResponse.json(sink.json, status: .created)
    }

    /// ListSink: `InUse`, `Status`, paged.
    @Sendable func listSinks(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let query = request.query
        let status = try query.v2OneOf("Status", EventSinkRecord.Status.allCases)
        let found = await events.sinks(accountSID: try context.account, inUse: try query.v2Bool("InUse"), status: status)
        return try Self.api.page(found.map(\.json), key: "sinks", path: "/v1/Sinks", request: request)
    }

    @Sendable func updateSink(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sink = try await sinks.record(request, context)
        return SandboxResponse.json(try await events.updateSink(sink, form: try await request.form()).json)
    }

    /// CreateSinkTest: 201 `{"result": "submitted"}`; the test event is on its way.
    @Sendable func testSink(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        await events.testSink(try await sinks.record(request, context))
        return SandboxResponse.json(["result": "submitted"], status: .created)
    }

    /// CreateSinkValidate: 201 `{"result": "valid"}` for the last test event's `TestId`, `invalid` otherwise.
    @Sendable func validateSink(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let sink = try await sinks.record(request, context)
        let valid = try await events.validateSink(sink, form: try await request.form())
        return SandboxResponse.json(["result": valid ? "valid" : "invalid"], status: .created)
    }

    // MARK: Subscriptions

    @Sendable func createSubscription(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let subscription = try await events.createSubscription(try await request.form(), accountSID: try context.account)
        return SandboxResponse.json(subscription.json, status: .created)
    }

    /// ListSubscription: `SinkSid`, paged.
    @Sendable func listSubscriptions(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let found = await events.subscriptions(accountSID: try context.account, sinkSID: request.query.first("SinkSid"))
        return try Self.api.page(found.map(\.json), key: "subscriptions", path: "/v1/Subscriptions", request: request)
    }

    @Sendable func updateSubscription(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let subscription = try await subscriptions.record(request, context)
        return SandboxResponse.json(await events.updateSubscription(subscription, form: try await request.form()).json)
    }

    @Sendable func listSubscribedEvents(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let subscription = try await subscriptions.record(request, context)
        return try Self.api.page(subscription.types.map(subscription.json), key: "types",
                                 path: "/v1/Subscriptions/\(subscription.sid)/SubscribedEvents", request: request)
    }

    @Sendable func addSubscribedEvent(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let subscription = try await subscriptions.record(request, context)
        let added = try await events.addSubscribedEvent(try await request.form(), to: subscription)
        return SandboxResponse.json(subscription.json(added), status: .created)
    }

    @Sendable func subscribedEvent(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let subscription = try await subscriptions.record(request, context)
        let type = try context.parameters.require("Type")
        guard let subscribed = subscription.types.first(where: { $0.type == type }) else { throw Self.noSubscribedEvent(type, subscription) }
        return SandboxResponse.json(subscription.json(subscribed))
    }

    @Sendable func updateSubscribedEvent(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let subscription = try await subscriptions.record(request, context)
        let type = try context.parameters.require("Type")
        guard let updated = try await events.updateSubscribedEvent(type, form: try await request.form(), of: subscription) else {
            throw Self.noSubscribedEvent(type, subscription)
        }
        return SandboxResponse.json(subscription.json(updated))
    }

    @Sendable func removeSubscribedEvent(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let subscription = try await subscriptions.record(request, context)
        let type = try context.parameters.require("Type")
        guard await events.removeSubscribedEvent(type, from: subscription) else { throw Self.noSubscribedEvent(type, subscription) }
        return SandboxResponse.noContent
    }

    private static func noSubscribedEvent(_ type: String, _ subscription: EventSubscriptionRecord) -> SandboxError {
        .notFound("/Subscriptions/\(subscription.sid)/SubscribedEvents/\(type)")
    }

    // MARK: Types and schemas

    /// ListEventType: `SchemaId`, paged.
    @Sendable func listTypes(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let schemaID = request.query.first("SchemaId")
        let found = EventTypeCatalogue.entries.filter { entry in schemaID.map { entry.schemaID == $0 } ?? true }
        return try Self.api.page(found.map(EventTypeCatalogue.json), key: "types", path: "/v1/Types", request: request)
    }

    @Sendable func type(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        _ = try context.account
        let name = try context.parameters.require("Type")
        guard let entry = EventTypeCatalogue.entry(name) else { throw SandboxError.notFound("/Types/\(name)") }
        return SandboxResponse.json(EventTypeCatalogue.json(entry))
    }

    @Sendable func schema(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(EventTypeCatalogue.json(try Self.schema(context)))
    }

    @Sendable func schemaVersions(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let schema = try Self.schema(context)
        return try Self.api.page((1...schema.latestVersion).map { EventTypeCatalogue.json(schema, version: $0) }, key: "schema_versions",
                                 path: "/v1/Schemas/\(schema.id)/Versions", request: request)
    }

    @Sendable func schemaVersion(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let schema = try Self.schema(context)
        let version = try context.parameters.require("SchemaVersion")
        guard let number = Int(version), (1...schema.latestVersion).contains(number) else {
            throw SandboxError.notFound("/Schemas/\(schema.id)/Versions/\(version)")
        }
        return SandboxResponse.json(EventTypeCatalogue.json(schema, version: number))
    }

    /// The schema the path names, for an authenticated caller.
    private static func schema(_ context: SandboxRequestContext) throws -> EventTypeCatalogue.Schema {
        _ = try context.account
        let id = try context.parameters.require("Id")
        guard let schema = EventTypeCatalogue.schema(id) else { throw SandboxError.notFound("/Schemas/\(id)") }
        return schema
    }
}
