import ConnectorStore
import Foundation
import Testing
import TwilioKit

/// Trigger registrations and sink tests in the store, the same on every backend: a slot is held
/// by one registration, however many race for it, and its previous values come back as stored.
struct StoreRegistrationTests {
    static let start = Date(timeIntervalSince1970: 1_900_000_000)

    func registration(_ trigger: String = "newSms", slot: String = "PN0123:SmsUrl", at offset: TimeInterval = 0) -> Registration {
        Registration(id: Registration.makeID(), trigger: trigger, kind: .number, slot: slot, resourceSid: "PN0123", phoneNumber: "+15005550006",
                     field: "SmsUrl", url: "https://hooks.example.com/webhooks/twilio/\(trigger)",
                     previous: ["SmsUrl": "https://studio.example.com/flow", "SmsMethod": "POST", "SmsApplicationSid": .null],
                     applied: ["SmsUrl": .string("https://hooks.example.com/webhooks/twilio/\(trigger)"), "SmsMethod": "POST"],
                     createdAt: Self.start.addingTimeInterval(offset))
    }

    @Test(arguments: StoreBackend.available)
    func registrationsAreClaimedListedUpdatedAndDeleted(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let first = registration()
        let second = registration("callStatus", slot: "PN0123:StatusCallback", at: 1)
        #expect(try await store.claimRegistration(first) == .claimed)
        #expect(try await store.claimRegistration(second) == .claimed)
        #expect(try await store.registrations() == [first, second])
        #expect(try await store.registration(id: first.id) == first)
        #expect(try await store.registration(id: "reg_unknown") == nil)

        let moved = first.with(url: "https://hooks.example.com/webhooks/twilio/newSms?Reply=Thanks", applied: ["SmsUrl": "changed"])
        #expect(try await store.updateRegistration(moved))
        #expect(try await store.registration(id: first.id) == moved)
        #expect(try await !store.updateRegistration(registration(slot: "PN9:SmsUrl")))

        #expect(try await store.deleteRegistration(id: first.id))
        #expect(try await !store.deleteRegistration(id: first.id))
        #expect(try await store.registrations() == [second])
    }

    @Test(arguments: StoreBackend.available)
    func aSlotIsHeldByOneRegistrationAndFreedWhenItIsDeleted(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let holder = registration()
        #expect(try await store.claimRegistration(holder) == .claimed)
        #expect(try await store.claimRegistration(registration("newWhatsappMessage")) == .taken(holder))
        #expect(try await store.deleteRegistration(id: holder.id))
        let next = registration("newWhatsappMessage")
        #expect(try await store.claimRegistration(next) == .claimed)
    }

    @Test(arguments: StoreBackend.available)
    func ofRegistrationsRacingForOneSlotOnTwoInstancesOnlyOneWins(_ backend: StoreBackend) async throws {
        let first = try await backend.makeStore()
        let second = try await backend.reopen(first)
        let contenders = (0..<8).map { _ in registration() }
        let claims = try await withThrowingTaskGroup(of: RegistrationClaim.self) { group in
            for (index, contender) in contenders.enumerated() {
                let store = index.isMultiple(of: 2) ? first : second
                group.addTask { try await store.claimRegistration(contender) }
            }
            return try await group.reduce(into: [RegistrationClaim]()) { $0.append($1) }
        }
        #expect(claims.filter { $0 == .claimed }.count == 1)
        let stored = try await first.registrations()
        #expect(stored.count == 1)
        #expect(claims.allSatisfy { $0 == .claimed || $0 == .taken(stored[0]) })
    }

    @Test(arguments: StoreBackend.available)
    func sinkTestsAreKeptOnceNewestFirstAndOnlyTheLatestHundred(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        #expect(try await store.sinkTests(limit: 5).isEmpty)
        for index in 0..<105 { try await store.recordSinkTest(id: "test-\(index)", receivedAt: Self.start.addingTimeInterval(Double(index))) }
        try await store.recordSinkTest(id: "test-104", receivedAt: Self.start)
        #expect(try await store.sinkTests(limit: 3) == ["test-104", "test-103", "test-102"])
        let kept = try await backend.reopen(store).sinkTests(limit: 1000)
        #expect(kept.count == 100)
        #expect(kept.last == "test-5")
    }
}
