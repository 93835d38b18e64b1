@testable import ConnectorVoice
import Testing

/// A call's events as its workflow reads them: in order, waiting when none is there, the newest
/// kept when the workflow falls behind, and an end — the stream's, or the reader's cancellation.
struct RealtimeCallEventsTests {
    private func digits(_ events: RealtimeCallEvents) async -> [String] {
        var read: [String] = []
        for await event in events {
            if case .digit(let digit) = event { read.append(digit) }
        }
        return read
    }

    @Test func eventsArriveInOrderThenTheEnd() async {
        let queue = RealtimeCallEvents.Queue()
        queue.yield(.digit("1"))
        let reader = Task { await digits(RealtimeCallEvents(queue: queue)) }
        queue.yield(.digit("2"))
        try? await Task.sleep(for: .milliseconds(20)) // the reader waits for the next
        queue.yield(.digit("3"))
        queue.finish()
        queue.yield(.digit("4"))
        #expect(await reader.value == ["1", "2", "3"], "what came before the end, in order; nothing after it")
    }

    @Test func aReaderThatFallsBehindGetsTheNewestEvents() async {
        let queue = RealtimeCallEvents.Queue()
        let count = RealtimeCallEvents.Queue.limit + 500
        for index in 0..<count { queue.yield(.digit(String(index))) }
        queue.finish()
        let read = await digits(RealtimeCallEvents(queue: queue))
        #expect(read.count == RealtimeCallEvents.Queue.limit)
        #expect(read.first == "500")
        #expect(read.last == String(count - 1))
    }

    @Test func cancellingTheReaderEndsItsEvents() async {
        let queue = RealtimeCallEvents.Queue()
        let reader = Task { await digits(RealtimeCallEvents(queue: queue)) }
        try? await Task.sleep(for: .milliseconds(20))
        reader.cancel()
        #expect(await reader.value == [])
        let before = Task { await digits(RealtimeCallEvents(queue: RealtimeCallEvents.Queue())) }
        before.cancel()
        #expect(await before.value == [], "a reader cancelled before it waits ends too")
    }
}
