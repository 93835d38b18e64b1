import ConnectorStore
import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// A waiter reads what another process appends to the same store, even when the store cannot
/// signal across processes (SQLite): it reads the store again at least every poll interval.
struct TriggerEventReaderTests {
    @Test func aWaiterSeesAnEventAppendedThroughAnotherConnectionOfTheFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("connector.sqlite").path
        let waiting = try SQLiteStore(path: path)
        let appending = try SQLiteStore(path: path)
        let trigger = try #require(TriggerCatalogue.trigger(named: "callStatus"))
        let reader = TriggerEventReader(store: waiting)
        let started = ContinuousClock.now
        async let page = reader.next(trigger, after: EventCursor(sequence: 0), limit: 10, timeout: .seconds(60), pollInterval: .milliseconds(200))
        try await Task.sleep(for: .milliseconds(300))
        _ = try await appending.append(NewTriggerEvent(trigger: "callStatus", receivedAt: Date(),
                                                       data: ["callSid": "CA1", "callStatus": "completed"], dedupeKey: nil))
        let events = try await page.events
        #expect(events.count == 1)
        #expect(ContinuousClock.now - started < .seconds(30), "found by polling, long before the timeout")
    }
}
