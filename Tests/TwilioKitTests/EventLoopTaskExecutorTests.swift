import NIOCore
import NIOPosix
import Testing
import TwilioKit

@Suite("EventLoopTaskExecutor")
struct EventLoopTaskExecutorTests {
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    var group: MultiThreadedEventLoopGroup { Self.group }

    @Test func tasksPreferringItRunOnItsLoopAcrossSuspensions() async {
        let loop = group.next()
        let executor = EventLoopTaskExecutor(loop)
        let placements = await withTaskExecutorPreference(executor) {
            var placements = [loop.inEventLoop]
            await Task.yield()
            placements.append(loop.inEventLoop)
            await withTaskGroup(of: Bool.self) { children in
                for _ in 0..<4 { children.addTask { loop.inEventLoop } }
                for await child in children { placements.append(child) }
            }
            return placements
        }
        #expect(placements == Array(repeating: true, count: 6), "the task and its children all ran on the loop")
        #expect(!loop.inEventLoop)
    }

    @Test func sleepReturnsNoEarlierThanItsDeadlineAndOnTheLoop() async throws {
        let loop = group.next()
        let executor = EventLoopTaskExecutor(loop)
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(30)
        let resumedOnLoop = try await withTaskExecutorPreference(executor) {
            try await executor.sleep(until: deadline)
            return loop.inEventLoop
        }
        #expect(clock.now >= deadline)
        #expect(resumedOnLoop)
        try await executor.sleep(until: clock.now - .seconds(1))  // a deadline passed returns at once
    }

    @Test func sleepEndsWithCancellationError() async throws {
        let executor = EventLoopTaskExecutor(group.next())
        let clock = ContinuousClock()
        let started = clock.now
        let sleeper = Task { try await executor.sleep(until: clock.now + .seconds(60)) }
        try await Task.sleep(for: .milliseconds(20))
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.now - started < .seconds(30), "the 60 s timer was cancelled with the task")

        let cancelledFirst = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await executor.sleep(until: clock.now + .seconds(60))
        }
        await #expect(throws: CancellationError.self) { try await cancelledFirst.value }
    }
}
