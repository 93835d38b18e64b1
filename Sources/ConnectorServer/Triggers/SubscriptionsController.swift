import ConnectorStore
import Foundation
import Hummingbird
import TwilioConnector
import TwilioKit

/// Push subscriptions: `POST /subscriptions` (answers the signing secret, once), `GET
/// /subscriptions`, `DELETE /subscriptions/<id>`, `GET /subscriptions/<id>/deliveries`, and
/// `POST /events/<id>/redeliver`.
struct SubscriptionsController {
    let dependencies: ServerDependencies
    let maximumBodyBytes: Int
    let defaultRetrySchedule: [Int]
    /// Wakes the delivery service when deliveries may be due.
    let wake: @Sendable () -> Void

    func addRoutes(subscriptions group: RouterGroup<BasicRequestContext>, events: RouterGroup<BasicRequestContext>) {
        group.post { request, _ in try await create(request) }
        group.get { _, _ in
            JSONResponse.make(["subscriptions": .array(try await dependencies.store.subscriptions().map { Self.json($0, withSecret: false) })])
        }
        group.delete("{id}") { _, context in
            let id = try context.parameters.require("id")
            guard try await dependencies.store.deleteSubscription(id: id) else { throw Self.unknownSubscription(id) }
            return Response(status: .noContent)
        }
        group.get("{id}/deliveries") { request, context in
            let id = try context.parameters.require("id")
            guard try await dependencies.store.subscription(id: id) != nil else { throw Self.unknownSubscription(id) }
            let limit = request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? 100
            let deliveries = try await dependencies.store.deliveries(subscriptionID: id, limit: min(max(limit, 1), 1000))
            return JSONResponse.make(["deliveries": .array(deliveries.map(Self.json))])
        }
        events.post("{id}/redeliver") { _, context in try await redeliver(try context.parameters.require("id")) }
    }

    private func create(_ request: Request) async throws -> Response {
        let fields = try await JSONBody.object(request, maximumBytes: maximumBodyBytes)
        var problems: [String] = []
        for key in fields.keys.sorted() where !["trigger", "url", "filter", "retrySchedule", "dialect"].contains(key) {
            problems.append("\(key) is not a field of a subscription")
        }
        let name = fields["trigger"]?.scalarText ?? ""
        let trigger = TriggerCatalogue.trigger(named: name)
        if trigger == nil { problems.append(name.isEmpty ? "trigger is required" : TriggerCatalogue.unknownTrigger(name, listedBy: "GET /triggers")) }
        let url = fields["url"]?.scalarText ?? ""
        if URL(string: url).flatMap({ ["http", "https"].contains($0.scheme?.lowercased() ?? "") && $0.host != nil ? $0 : nil }) == nil {
            problems.append("url must be an http:// or https:// URL")
        }
        let dialect = ConnectorDialect(rawValue: fields["dialect"]?.scalarText ?? "component")
        if dialect == nil || dialect == .block { problems.append("dialect must be component or toolkit") }
        let schedule = Self.retrySchedule(fields["retrySchedule"]) ?? defaultRetrySchedule
        if fields["retrySchedule"] != nil, Self.retrySchedule(fields["retrySchedule"]) == nil {
            problems.append("retrySchedule must be an array of 1 to 30 whole numbers of seconds, each from 1 to 604800")
        }
        var filter: [String: JSONValue] = [:]
        if let given = fields["filter"] {
            if case .object(let object) = given, let trigger, let dialect {
                let rename = TriggerNaming.rename(for: dialect)
                let byDialectName = Dictionary(trigger.parameters.map { (rename($0.name), $0.name) }, uniquingKeysWith: { first, _ in first })
                let coreFilter = Dictionary(object.map { (byDialectName[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
                switch trigger.validateFilter(coreFilter, rename: rename) {
                case .success(let valid): filter = valid
                case .failure(let failure): problems.append("filter: \(failure.message)")
                }
            } else if case .object = given {} else {
                problems.append("filter must be an object of the trigger's filter parameters")
            }
        }
        guard problems.isEmpty, let trigger, let dialect else {
            throw JSONHTTPError(.badRequest, "Invalid subscription: " + problems.joined(separator: "; ") + ".")
        }
        let subscription = Subscription(
            id: "sub_" + RandomHex.digits(words: 2), trigger: trigger.name, url: url,
            filter: filter, dialect: dialect.rawValue, secret: StandardWebhookSecret.generate().serialized, retrySchedule: schedule,
            createdAt: dependencies.now(), cursor: try await dependencies.store.latestSequence())
        try await dependencies.store.createSubscription(subscription)
        return JSONResponse.make(Self.json(subscription, withSecret: true), status: .created)
    }

    private func redeliver(_ eventID: String) async throws -> Response {
        guard let event = try await dependencies.store.event(id: eventID) else {
            throw JSONHTTPError(.notFound, "No event '\(eventID)'.")
        }
        let trigger = TriggerCatalogue.trigger(named: event.trigger)
        let subscriptions = try await dependencies.store.subscriptions().filter {
            $0.trigger == event.trigger && trigger?.matches(event.data, filter: $0.filter) == true
        }
        let deliveries = try await dependencies.store.redeliver(eventID: eventID, subscriptionIDs: subscriptions.map(\.id), now: dependencies.now())
        wake()
        return JSONResponse.make(["deliveries": .array(deliveries.map(Self.json))], status: .accepted)
    }

    static func retrySchedule(_ value: JSONValue?) -> [Int]? {
        guard case .array(let items)? = value, (1...30).contains(items.count) else { return nil }
        let seconds = items.compactMap { item -> Int? in
            guard case .number(let number) = item, number.rounded() == number, (1...604_800).contains(number) else { return nil }
            return Int(number)
        }
        return seconds.count == items.count ? seconds : nil
    }

    static func unknownSubscription(_ id: String) -> JSONHTTPError {
        JSONHTTPError(.notFound, "No subscription '\(id)'.")
    }

    static func json(_ subscription: Subscription, withSecret: Bool) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(subscription.id), "trigger": .string(subscription.trigger), "url": .string(subscription.url),
            "filter": .object(subscription.filter), "dialect": .string(subscription.dialect),
            "retrySchedule": .array(subscription.retrySchedule.map { .number(Double($0)) }),
            "createdAt": .string(TwilioDateFormat.iso8601String(from: subscription.createdAt)),
        ]
        if withSecret { fields["secret"] = .string(subscription.secret) }
        return .object(fields)
    }

    static func json(_ delivery: Delivery) -> JSONValue {
        [
            "id": .string(delivery.id), "subscription": .string(delivery.subscriptionID), "event": .string(delivery.eventID),
            "status": .string(delivery.status.rawValue), "attempts": .number(Double(delivery.attempts)),
            "nextAttemptAt": delivery.nextAttemptAt.map { .string(TwilioDateFormat.iso8601String(from: $0)) } ?? .null,
            "lastAttempt": delivery.lastAttempt.map { attempt in
                ["at": .string(TwilioDateFormat.iso8601String(from: attempt.at)),
                 "statusCode": attempt.statusCode.map { .number(Double($0)) } ?? .null,
                 "error": attempt.error.map(JSONValue.string) ?? .null]
            } ?? .null,
            "createdAt": .string(TwilioDateFormat.iso8601String(from: delivery.createdAt)),
        ]
    }
}
