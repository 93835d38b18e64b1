import ConnectorStore
import Foundation
import Testing
import TwilioKit

/// The store's behaviour, the same on every backend: each test runs once per backend in
/// ``StoreBackend/available``.
struct StoreTests {
    static let start = Date(timeIntervalSince1970: 1_900_000_000)

    func event(_ trigger: String = "newSms", key: String? = nil, body: String = "hi", at offset: TimeInterval = 0) -> NewTriggerEvent {
        NewTriggerEvent(trigger: trigger, receivedAt: Self.start.addingTimeInterval(offset), data: ["body": .string(body)], dedupeKey: key)
    }

    func subscription(_ trigger: String = "newSms", cursor: Int64, filter: [String: JSONValue] = [:]) -> Subscription {
        Subscription(id: "sub_\(UUID().uuidString.prefix(8))", trigger: trigger, url: "http://127.0.0.1:9/hook", filter: filter,
                     dialect: "component", secret: "whsec_c2VjcmV0", retrySchedule: [1, 10], createdAt: Self.start, cursor: cursor)
    }

    @Test(arguments: StoreBackend.available)
    func anEventIsStoredOnceByItsDedupeKey(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let first = try await store.append(event(key: "newSms:SM1"))
        let again = try await store.append(event(key: "newSms:SM1", body: "retried"))
        guard case .appended(let stored) = first, case .duplicate(let duplicate) = again else {
            Issue.record("expected appended then duplicate, got \(first) and \(again)")
            return
        }
        #expect(duplicate == stored)
        #expect(stored.data == ["body": "hi"])
        #expect(try await store.events(EventQuery(trigger: nil, limit: 10)).count == 1)
        #expect(try await store.event(id: stored.id) == stored)
    }

    @Test(arguments: StoreBackend.available)
    func eventsAreReadInOrderAfterACursorByTrigger(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        var sequences: [Int64] = []
        for index in 0..<5 {
            sequences.append(try await store.append(event(index.isMultiple(of: 2) ? "newSms" : "callStatus", body: "\(index)")).event.sequence)
        }
        #expect(sequences == sequences.sorted())
        let sms = try await store.events(EventQuery(trigger: "newSms", after: 0, limit: 10))
        #expect(sms.map(\.data) == [["body": "0"], ["body": "2"], ["body": "4"]])
        let afterFirst = try await store.events(EventQuery(trigger: "newSms", after: sms[0].sequence, limit: 1))
        #expect(afterFirst.map(\.data) == [["body": "2"]])
        #expect(try await store.latestSequence() == sequences.last)
    }

    @Test(arguments: StoreBackend.available)
    func whatIsCommittedIsSeenByAnotherConnection(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let stored = try await store.append(event(key: "k")).event
        let other = try await backend.reopen(store)
        #expect(try await other.event(id: stored.id) == stored)
    }

    @Test(arguments: StoreBackend.available)
    func subscriptionsAreCreatedListedAndDeleted(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let subscription = subscription(cursor: 0, filter: ["From": "+14155550123"])
        try await store.createSubscription(subscription)
        #expect(try await store.subscriptions() == [subscription])
        #expect(try await store.subscription(id: subscription.id) == subscription)
        #expect(try await store.deleteSubscription(id: subscription.id))
        #expect(try await !store.deleteSubscription(id: subscription.id))
        #expect(try await store.subscriptions().isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func deliveriesArePlannedOncePerMatchingEventAfterTheSubscription(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await store.append(event(body: "before"))
        let subscription = subscription(cursor: try await store.latestSequence())
        try await store.createSubscription(subscription)
        _ = try await store.append(event(body: "match"))
        _ = try await store.append(event(body: "skip"))
        _ = try await store.append(event("callStatus", body: "other trigger"))
        let matches: @Sendable (Subscription, TriggerEvent) -> Bool = { _, event in event.data != ["body": "skip"] }
        #expect(try await store.planDeliveries(now: Self.start, batchSize: 100, matches: matches) == 1)
        #expect(try await store.planDeliveries(now: Self.start, batchSize: 100, matches: matches) == 0)
        let deliveries = try await store.deliveries(subscriptionID: subscription.id, limit: 10)
        #expect(deliveries.count == 1)
        #expect(deliveries.first?.status == .pending)
        #expect(try await store.nextDeliveryDue() == Self.start)
    }

    @Test(arguments: StoreBackend.available)
    func concurrentAppendsOfRetriedEventsStoreEachOnce(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let results = try await withThrowingTaskGroup(of: EventAppendResult.self) { group in
            for index in 0..<200 { group.addTask { try await store.append(self.event(key: "newSms:SM\(index % 100)", body: "\(index)")) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let stored = results.compactMap { if case .appended(let event) = $0 { event } else { nil } }
        #expect(stored.count == 100, "one of each pair is stored")
        #expect(Set(stored.map(\.sequence)).count == 100)
        let duplicates = results.compactMap { if case .duplicate(let event) = $0 { event } else { nil } }
        #expect(Set(duplicates.map(\.id)) == Set(stored.map(\.id)), "each retry answers the stored event")
        #expect(try await store.events(EventQuery(trigger: "newSms", after: 0, limit: 500)).count == 100)
    }

    @Test(arguments: StoreBackend.available)
    func concurrentPlannersPlanEachDeliveryOnce(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let other = try await backend.reopen(store)
        let subscription = subscription(cursor: 0)
        try await store.createSubscription(subscription)
        for index in 0..<50 { _ = try await store.append(event(body: "\(index)")) }
        async let first = store.planDeliveries(now: Self.start, batchSize: 10) { _, _ in true }
        async let second = other.planDeliveries(now: Self.start, batchSize: 10) { _, _ in true }
        var planned = try await first + second
        for _ in 0..<10 { planned += try await store.planDeliveries(now: Self.start, batchSize: 10) { _, _ in true } }
        #expect(planned == 50)
        #expect(try await store.deliveries(subscriptionID: subscription.id, limit: 100).count == 50)
    }

    @Test(arguments: StoreBackend.available)
    func aLeaseKeepsADeliveryFromOthersUntilItExpires(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let subscription = subscription(cursor: 0)
        try await store.createSubscription(subscription)
        let stored = try await store.append(event()).event
        _ = try await store.planDeliveries(now: Self.start, batchSize: 10) { _, _ in true }

        let leased = try await store.leaseDueDeliveries(now: Self.start, limit: 10, owner: "a", leaseDuration: .seconds(30))
        #expect(leased.map(\.event) == [stored])
        #expect(leased.first?.subscription.id == subscription.id)
        #expect(try await store.nextDeliveryDue() == Self.start.addingTimeInterval(30), "leasable again when the lease expires")
        #expect(try await store.leaseDueDeliveries(now: Self.start.addingTimeInterval(29), limit: 10, owner: "b", leaseDuration: .seconds(30)).isEmpty)
        let taken = try await store.leaseDueDeliveries(now: Self.start.addingTimeInterval(31), limit: 10, owner: "b", leaseDuration: .seconds(30))
        #expect(taken.count == 1)

        let attempt = DeliveryAttempt(at: Self.start.addingTimeInterval(31), statusCode: 200, error: nil)
        #expect(try await !store.recordAttempt(deliveryID: taken[0].delivery.id, owner: "a", attempt: attempt, next: .delivered))
        #expect(try await store.recordAttempt(deliveryID: taken[0].delivery.id, owner: "b", attempt: attempt, next: .delivered))
        let delivered = try await store.deliveries(subscriptionID: subscription.id, limit: 10)
        #expect(delivered.first?.status == .delivered)
        #expect(delivered.first?.attempts == 1)
        #expect(delivered.first?.lastAttempt == attempt)
        #expect(try await store.nextDeliveryDue() == nil)
    }

    @Test(arguments: StoreBackend.available)
    func aRetryIsDueLaterAndAFailureCanBeRedelivered(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let subscription = subscription(cursor: 0)
        try await store.createSubscription(subscription)
        let stored = try await store.append(event()).event
        _ = try await store.planDeliveries(now: Self.start, batchSize: 10) { _, _ in true }
        let first = try await store.leaseDueDeliveries(now: Self.start, limit: 1, owner: "a", leaseDuration: .seconds(30))[0]
        let refused = DeliveryAttempt(at: Self.start, statusCode: 503, error: "answered 503")
        _ = try await store.recordAttempt(deliveryID: first.delivery.id, owner: "a", attempt: refused, next: .retry(at: Self.start.addingTimeInterval(60)))
        #expect(try await store.leaseDueDeliveries(now: Self.start.addingTimeInterval(59), limit: 1, owner: "a", leaseDuration: .seconds(30)).isEmpty)
        #expect(try await store.nextDeliveryDue() == Self.start.addingTimeInterval(60))
        let second = try await store.leaseDueDeliveries(now: Self.start.addingTimeInterval(60), limit: 1, owner: "a", leaseDuration: .seconds(30))[0]
        #expect(second.delivery.attempts == 1)
        _ = try await store.recordAttempt(deliveryID: second.delivery.id, owner: "a", attempt: refused, next: .fail)
        #expect(try await store.deliveries(subscriptionID: subscription.id, limit: 1).first?.status == .failed)

        let again = try await store.redeliver(eventID: stored.id, subscriptionIDs: [subscription.id], now: Self.start.addingTimeInterval(100))
        #expect(again.map(\.status) == [.pending])
        #expect(again.first?.attempts == 0)
        #expect(again.first?.id == first.delivery.id)
    }

    @Test(arguments: StoreBackend.available)
    func appendingSignalsListeners(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let changes = store.changes()
        _ = try await store.append(event())
        #expect(await StoreBackend.signal(.events, on: changes))
    }

    @Test(arguments: StoreBackend.available)
    func concurrentAppendersNeverLetAPagerSkipAnEvent(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        var appenders: [any ConnectorStore] = [store]
        for _ in 0..<3 { appenders.append(try await backend.reopen(store)) }
        let perAppender = 60
        let total = appenders.count * perAppender
        let pager = Task { () throws -> [TriggerEvent] in
            var seen: [TriggerEvent] = []
            var cursor: Int64 = 0
            let deadline = ContinuousClock.now + .seconds(60)
            while seen.count < total, ContinuousClock.now < deadline {
                let page = try await store.events(EventQuery(trigger: nil, after: cursor, limit: 7))
                seen += page
                cursor = page.last?.sequence ?? cursor
                if page.isEmpty { try await Task.sleep(for: .milliseconds(2)) }
            }
            return seen
        }
        let appended = try await withThrowingTaskGroup(of: [String].self) { group in
            for (number, appender) in appenders.enumerated() {
                group.addTask {
                    var ids: [String] = []
                    for index in 0..<perAppender { ids.append(try await appender.append(event(body: "\(number)-\(index)")).event.id) }
                    return ids
                }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        let paged = try await pager.value
        #expect(paged.count == total, "the pager read each event once")
        #expect(Set(paged.map(\.id)) == Set(appended), "the pager skipped no event committed after a larger sequence")
        #expect(paged.map(\.sequence) == paged.map(\.sequence).sorted())
    }

    @Test(arguments: StoreBackend.available)
    func duplicatesPostedToTwoInstancesAtOnceAreStoredOnce(_ backend: StoreBackend) async throws {
        let first = try await backend.makeStore()
        let second = try await backend.reopen(first)
        let results = try await withThrowingTaskGroup(of: EventAppendResult.self) { group in
            for key in 0..<20 {
                for (copy, store) in [first, second, first, second].enumerated() {
                    group.addTask { try await store.append(event(key: "newSms:SM\(key)", body: "copy \(copy)")) }
                }
            }
            return try await group.reduce(into: [EventAppendResult]()) { $0.append($1) }
        }
        #expect(results.filter { !$0.isDuplicate }.count == 20, "one append per key is new")
        let byKey = Dictionary(grouping: results.map(\.event), by: \.id)
        #expect(byKey.count == 20 && byKey.values.allSatisfy { $0.count == 4 }, "every copy answers the stored event")
        #expect(try await first.events(EventQuery(trigger: nil, limit: 100)).count == 20)
    }

    @Test(arguments: StoreBackend.available)
    func anAppendWakesTheWaitersOfAnotherInstance(_ backend: StoreBackend) async throws {
        guard backend.signalsAcrossConnections else { return }  // SQLite: readers poll instead
        let waiting = try await backend.makeStore()
        let appending = try await backend.reopen(waiting)
        if let postgres = waiting as? PostgresStore {
            let deadline = ContinuousClock.now + .seconds(10)
            while !postgres.isListening, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        }
        let changes = waiting.changes()
        _ = try await appending.append(event())
        #expect(await StoreBackend.signal(.events, on: changes))
    }
}
